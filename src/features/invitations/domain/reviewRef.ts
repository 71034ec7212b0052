/**
 * A review reference is pseudonymous: letters then digits, like AR-1042 or EHC2024031. Requiring that
 * shape keeps names, dates of birth and NHS numbers (10 digits, no letters) out of the store.
 */
const REVIEW_REF = /^[A-Z]{1,5}-?[0-9]{2,10}$/;

export type ReviewRefCheck = { ok: true; reviewRef: string } | { ok: false; message: string };

export function checkReviewRef(input: string): ReviewRefCheck {
  const candidate = input.trim().toUpperCase();
  if (REVIEW_REF.test(candidate)) return { ok: true, reviewRef: candidate };
  return {
    ok: false,
    message:
      `"${input.trim().slice(0, 40)}" is not a review reference I can use. A review reference looks like AR-1042: ` +
      "a few letters, then numbers. Please never use a child's name, date of birth or NHS number.",
  };
}
