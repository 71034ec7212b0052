import { describe, SUPPRESSED_TEXT, type Disclosed } from '../domain/scores/disclosure.js';
import type { RespondentRole } from '../domain/survey/questionBank.js';

export const ROLE_LABEL: Record<RespondentRole, string> = { cyp: 'Children and young people', pc: 'Parent carers' };
export const ROLE_SHORT: Record<RespondentRole, string> = { cyp: 'CYP', pc: 'Parent carers' };

export const oneDecimal = (v: number) => v.toFixed(1);
export const percent = (v: number) => `${Math.round(v * 100)}%`;

/** ▲ 0.2 / ▼ 0.3 / no change; undefined when either term's figure is not shown. */
export function arrow(change: number | undefined): string {
  if (change === undefined) return '';
  if (change === 0) return '► no change';
  return change > 0 ? `▲ ${change.toFixed(1)}` : `▼ ${Math.abs(change).toFixed(1)}`;
}

export function figureText(d: Disclosed, format: (v: number) => string): string {
  return describe(d, format);
}

export { SUPPRESSED_TEXT };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2026-11-22 → "22 November 2026": unambiguous for every reader, unlike 11/22 or 22/11. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}
