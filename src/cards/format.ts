import { longDate } from '../domain/dates.js';
import { describe, SUPPRESSED_TEXT, type Disclosed } from '../domain/disclosure/disclosure.js';
import type { RespondentRole } from '../domain/survey/questionBank.js';

export const ROLE_LABEL: Record<RespondentRole, string> = { cyp: 'Children and young people', pc: 'Parent carers' };
export const ROLE_SHORT: Record<RespondentRole, string> = { cyp: 'CYP', pc: 'Parent carers' };

export const oneDecimal = (v: number) => v.toFixed(1);
export const percent = (v: number) => `${Math.round(v * 100)}%`;
/** A count for people: en-GB digit groups ("671,799", not "671799"). */
export const wholeNumber = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/** A space that never breaks a line: a figure and its unit or arrow stay together ("n 22", "▼ 0.2"). */
export const NBSP = '\u00a0';

/** Keeps a short figure on one line: spaces and hyphens that never break ("2026‑27", "n 22"). */
export function nowrap(text: string): string {
  return text.replace(/ /g, NBSP).replace(/(\d)-(\d)/g, '$1\u2011$2');
}

/** ▲ 0.2 / ▼ 0.3 / no change (between the means as shown, to 1 decimal); '' when either is not shown. */
export function arrow(change: number | undefined): string {
  if (change === undefined) return '';
  if (change === 0) return nowrap('► no change');
  return nowrap(change > 0 ? `▲ ${change.toFixed(1)}` : `▼ ${Math.abs(change).toFixed(1)}`);
}

/**
 * "Speech and language therapy (SALT)", but "Autism (ASD) assessment" and "ADHD assessment": a name that
 * already says its short name as a word is not repeated ("(ASD) assessment (ASD)", "ADHD assessment (ADHD)").
 */
export function serviceTitle(s: { name: string; shortName: string }): string {
  const words = s.name.split(/[^A-Za-z0-9]+/);
  return words.includes(s.shortName) ? s.name : `${s.name} (${s.shortName})`;
}

export function figureText(d: Disclosed, format: (v: number) => string): string {
  return describe(d, format);
}

export { SUPPRESSED_TEXT };

/** An ISO instant → "1 December 2026, 14:05 UTC" (stored times are UTC; the zone is said). */
export function longDateTime(iso: string): string {
  return `${longDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

export { longDate };
