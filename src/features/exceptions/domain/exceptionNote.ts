import { z } from 'zod';
import { personalDataIn } from '../../youSaid/domain/youSaidEntry.js';

/**
 * An accountable manager's commentary on a measure that needs it (red against its target, or clearly worse
 * than a year before): what is being done and by when, for the figure of one period. Each save is kept
 * (who and when); the newest for a measure and period is the one shown. It goes in the board pack and
 * the digest, so it must hold nothing about one family.
 */
export type ExceptionNote = {
  measureId: string;
  /** The period of the figure it answers ("2025-26-autumn", "2026-10", "2025-26"). */
  period: string;
  action: string;
  /** ISO date it will be done by. */
  due: string;
  writtenBy: string;
  writtenAt: string;
};

const MEASURE_ID = /^[a-z][a-z0-9_]{1,39}$/;

/** What the commentary card submits (zod at the edge: the words are checked for personal data). */
export const exceptionInput = z.object({
  measureId: z.string().regex(MEASURE_ID, 'That card is for a measure I do not know.'),
  action: z
    .string({ message: 'Say what is being done.' })
    .trim()
    .min(10, 'Say what is being done in a sentence or two.')
    .max(600, 'What is being done must be 600 characters or fewer.')
    .superRefine((v, ctx) => {
      const found = personalDataIn(v);
      if (found)
        ctx.addIssue({
          code: 'custom',
          message: `What is being done seems to contain ${found}. This commentary goes to the partnership board: please leave out anything about one family.`,
        });
    }),
  due: z.iso.date({ message: 'Give the date it will be done by.' }),
});
export type ExceptionInput = z.infer<typeof exceptionInput>;

/** The newest note of each measure and period, from every note kept. */
export function currentNotes(all: readonly ExceptionNote[]): ExceptionNote[] {
  const newest = new Map<string, ExceptionNote>();
  for (const n of all) {
    const key = `${n.measureId}~${n.period}`;
    const held = newest.get(key);
    if (!held || held.writtenAt < n.writtenAt) newest.set(key, n);
  }
  return [...newest.values()].sort(
    (a, b) => a.measureId.localeCompare(b.measureId) || a.period.localeCompare(b.period),
  );
}
