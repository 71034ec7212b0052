import { z } from 'zod';
import { OUTCOME_IDS, type OutcomeId } from '../../../domain/survey/questionBank.js';

/**
 * "You said, we did": what families told the partnership, and what changed because of it, against one
 * outcome. Written by managers; shown to families (end card, family page), in the termly digest and on a
 * public page. So an entry must carry no personal data: no review reference, email address or phone
 * number is accepted, and who wrote it is kept for the record but never shown publicly.
 */
export type YouSaidEntry = {
  id: string;
  outcome: OutcomeId;
  youSaid: string;
  weDid: string;
  createdBy: string;
  createdAt: string;
  updatedBy?: string;
  updatedAt?: string;
  removedBy?: string;
  removedAt?: string;
};

const PERSONAL: { pattern: RegExp; what: string }[] = [
  { pattern: /\b[A-Z]{1,5}-?\d{2,10}\b/, what: 'a review reference' },
  { pattern: /[^\s@]+@[^\s@]+\.[^\s@]+/, what: 'an email address' },
  { pattern: /(?:\+44\s?|\b0)\d(?:[\s-]?\d){8,10}\b/, what: 'a phone number' },
];

/**
 * What personal data a text seems to hold ('a review reference', 'an email address', 'a phone number'), or
 * undefined. Shared by everything managers write for the board or the public (exceptions commentary too).
 */
export function personalDataIn(text: string): string | undefined {
  return PERSONAL.find((p) => p.pattern.test(text))?.what;
}

const words = (label: string) =>
  z
    .string()
    .trim()
    .min(5, `${label} needs a few words`)
    .max(400, `${label} must be 400 characters or fewer`)
    .superRefine((v, ctx) => {
      const found = personalDataIn(v);
      if (found)
        ctx.addIssue({
          code: 'custom',
          message: `${label} seems to contain ${found}. These entries are public: please leave out anything about one family.`,
        });
    });

/** What a manager submits from the form card (zod at the edge: the words are checked for personal data). */
export const youSaidInput = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f-]{36}$/)
    .optional(),
  outcome: z.enum(OUTCOME_IDS, { message: 'Choose the outcome it is about.' }),
  youSaid: words('"You said"'),
  weDid: words('"We did"'),
});
export type YouSaidInput = z.infer<typeof youSaidInput>;
