import { z } from 'zod';
import type { TermRef } from '../domain/terms/termRef.js';
import { MOST_YEARS_AGO } from '../understanding/periodAsk.js';

/** Zod shapes of the understanding's slots, shared by the routes that take them. */
export const termRef: z.ZodType<TermRef> = z.union([
  z.object({ kind: z.literal('current') }),
  z.object({ kind: z.literal('previous') }),
  z.object({ kind: z.literal('yearAgo') }),
  z.object({ kind: z.literal('yearsAgo'), years: z.number().int().min(2).max(MOST_YEARS_AGO) }),
  z.object({
    kind: z.literal('named'),
    season: z.enum(['autumn', 'spring', 'summer']),
    academicYear: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
  }),
]);
export const termRefs = z.array(termRef).max(4);
