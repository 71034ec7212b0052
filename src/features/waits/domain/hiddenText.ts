import type { Disclosed } from '../../../domain/disclosure/disclosure.js';

/**
 * The words a waits answer uses for a figure disclosure control hid (disclosedWaits.ts decides which). Kept
 * apart from the disclosing code so a presenter can say a figure is hidden without being able to hide one.
 */
export const WAITS_SUPPRESSED_TEXT = 'fewer than 5 children';
/** A figure hidden because, beside the others, it would give away one of fewer than 5. */
export const WAITS_PROTECTED_TEXT = 'not shown, to protect a smaller figure';

/** The words for a hidden figure: under 5 itself, or hidden to protect another. */
export function hiddenText(d: Disclosed): string {
  return !d.shown && d.reason === 'complementary' ? WAITS_PROTECTED_TEXT : WAITS_SUPPRESSED_TEXT;
}
