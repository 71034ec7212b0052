/**
 * Disclosure control: the one function every output (chat, digest, CSV) passes its figures through.
 *
 * Rules (SPEC.md "Outcome scores"):
 *  1. Primary: a figure computed from fewer than MIN_RESPONDENTS respondents is not shown.
 *     Zero is shown: "nobody" identifies nobody, and hiding it would hide real gaps.
 *  2. Secondary: where a total is shown beside its parts, the hidden parts could be recovered by
 *     subtraction: if one part alone is hidden, or the hidden parts together come from fewer than
 *     MIN_RESPONDENTS, the smallest other parts are hidden too until neither is true.
 */
export const MIN_RESPONDENTS = 5;
export const SUPPRESSED_TEXT = 'fewer than 5 responses';

export type Figure = { value: number; basis: number };
export type Disclosed =
  { shown: true; value: number; basis: number } | { shown: false; reason: 'suppressed' | 'complementary' };

function primary(f: Figure): Disclosed {
  return f.basis === 0 || f.basis >= MIN_RESPONDENTS
    ? { shown: true, value: f.value, basis: f.basis }
    : { shown: false, reason: 'suppressed' };
}

/** One standalone figure (a mean, a share, a count) with the number of respondents it rests on. */
export function discloseFigure(figure: Figure): Disclosed {
  return primary(figure);
}

/**
 * Parts that add up to a shown total (counts by role, a 1–5 distribution). The total is disclosed by the
 * primary rule; the parts by the primary rule and then, if the total is shown, the secondary rule.
 */
export function discloseParts(total: Figure, parts: Figure[]): { total: Disclosed; parts: Disclosed[] } {
  const shownTotal = primary(total);
  const disclosed = parts.map(primary);
  if (shownTotal.shown) {
    for (;;) {
      const hidden = disclosed.map((d, i) => (d.shown ? 0 : parts[i].basis));
      const hiddenCount = disclosed.filter((d) => !d.shown).length;
      const hiddenSum = hidden.reduce((a, b) => a + b, 0);
      if (hiddenCount === 0 || (hiddenCount >= 2 && (hiddenSum === 0 || hiddenSum >= MIN_RESPONDENTS))) break;
      // Hide the smallest shown non-zero part (zeros reveal nothing); stop if none is left.
      let pick = -1;
      disclosed.forEach((d, i) => {
        if (d.shown && parts[i].basis > 0 && (pick < 0 || parts[i].basis < parts[pick].basis)) pick = i;
      });
      if (pick < 0) break;
      disclosed[pick] = { shown: false, reason: 'complementary' };
    }
  }
  return { total: shownTotal, parts: disclosed };
}

/** The words for a figure: the formatted value, or why it is not shown. */
export function describe(d: Disclosed, format: (value: number) => string): string {
  return d.shown ? format(d.value) : SUPPRESSED_TEXT;
}
