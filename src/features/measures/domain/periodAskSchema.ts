import { z } from 'zod';
import { MOST_YEARS_AGO, type PeriodAsk } from '../../../understanding/periodAsk.js';

const academicYear = z.string().regex(/^20\d\d-\d\d$/);
const which = z.enum(['current', 'previous']);

/** A period asked for, as the measure route accepts it (the understanding is checked like every slot). */
export const periodAskSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('relative'), unit: z.enum(['term', 'month', 'year']), which }),
  z.object({ kind: z.literal('yearAgo') }),
  z.object({ kind: z.literal('yearsAgo'), years: z.number().int().min(2).max(MOST_YEARS_AGO) }),
  z.object({
    kind: z.literal('term'),
    season: z.enum(['autumn', 'spring', 'summer']),
    academicYear: academicYear.optional(),
  }),
  z.object({
    kind: z.literal('month'),
    month: z.number().int().min(1).max(12),
    year: z.number().int().min(2000).max(2100).optional(),
  }),
  z.object({ kind: z.literal('year'), academicYear }),
]) satisfies z.ZodType<PeriodAsk>;
