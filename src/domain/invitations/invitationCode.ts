import { randomInt } from 'node:crypto';

/** No look-alikes: no 0/O, 1/I/L. 31 symbols, so 10 of them give about 8 × 10^14 codes. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;
const DIGITS = '23456789';
const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A fresh invitation code from the CSPRNG. Every code holds at least two digits and two letters,
 * so a staff member's one-word command can never be mistaken for a code.
 */
export function newInvitationCode(): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    if (count(code, DIGITS) >= 2 && count(code, LETTERS) >= 2) return code;
  }
}

function count(code: string, set: string): number {
  return [...code].filter((c) => set.includes(c)).length;
}

/**
 * Reads what a family typed as a code, forgiving spaces, dashes and lower case ("abcd-efgh-23").
 * Returns undefined when the text is not shaped like a code at all (it is then not a failed attempt).
 */
export function readCodeFromText(text: string): string | undefined {
  const compact = text
    .trim()
    .replace(/^(code|start|my code is)\s*:?\s*/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  if (compact.length !== CODE_LENGTH) return undefined;
  if (![...compact].every((c) => CODE_ALPHABET.includes(c))) return undefined;
  if (count(compact, DIGITS) < 1 || count(compact, LETTERS) < 1) return undefined;
  return compact;
}

/** Shown to families in groups of four so it is easy to read out and type. */
export function formatCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}
