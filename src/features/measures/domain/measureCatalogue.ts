import { z } from 'zod';
import { OUTCOME_IDS, RESPONDENT_ROLES } from '../../../domain/survey/questionBank.js';
import { provenanceSchema } from '../../../domain/targets/targetProvenance.js';

const phrase = z.string().trim().min(2);

/**
 * A target on a measure. Only `level` is rated red/amber/green; the others are shown as the sources word
 * them, because rating them needs a figure that is not loaded (a baseline, a national rate) or is a
 * direction rather than a number.
 */
const targetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('level'), value: z.number().min(0), wording: z.string(), provenance: provenanceSchema }),
  z.object({ kind: z.literal('change'), change: z.number(), wording: z.string(), provenance: provenanceSchema }),
  z.object({
    kind: z.literal('direction'),
    direction: z.enum(['increase', 'reduce']),
    wording: z.string(),
    provenance: provenanceSchema,
  }),
  z.object({ kind: z.literal('national'), wording: z.string(), provenance: provenanceSchema }),
]);

const measureSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be a short lower-case id (letters, digits, _)'),
    outcomes: z.array(z.enum(OUTCOME_IDS)).min(1),
    name: z.string().min(3),
    definition: z.string().min(10),
    unit: z.enum(['percent', 'count', 'rate']),
    better: z.enum(['higher', 'lower']),
    frequency: z.enum(['term', 'month', 'year']),
    source: z.string().min(3),
    topics: z.array(phrase).min(1),
    qualifiers: z.array(phrase),
    /**
     * Topics too broad to name this measure alone: "EHCPs" is every plan, not their quality. Such a topic
     * counts for the measure only beside one of its qualifiers ("EHCP quality").
     */
    broadTopics: z.array(phrase).optional(),
    target: targetSchema.optional(),
  })
  .superRefine((m, ctx) => {
    for (const t of m.broadTopics ?? [])
      if (!m.topics.includes(t))
        ctx.addIssue({ code: 'custom', path: ['broadTopics'], message: `"${t}" is not one of the measure's topics` });
    if (m.target?.kind === 'level' && m.unit === 'percent' && m.target.value > 1)
      ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: 'a percent target is a share from 0 to 1' });
  });

const surveyTargetSchema = z.object({
  outcome: z.enum(OUTCOME_IDS),
  role: z.enum(RESPONDENT_ROLES),
  share: z.number().gt(0).max(1),
  wording: z.string(),
  provenance: provenanceSchema,
});

const catalogueSchema = z.object({
  version: z.literal(1),
  description: z.string(),
  measures: z.array(measureSchema).min(1),
  surveyTargets: z.array(surveyTargetSchema),
});

export type Measure = z.infer<typeof measureSchema>;
export type MeasureTarget = NonNullable<Measure['target']>;
export type SurveyTarget = z.infer<typeof surveyTargetSchema>;
export type MeasureCatalogue = { measures: Measure[]; surveyTargets: SurveyTarget[] };

/** Checks a parsed measures.json; names the field and what is wrong, so a data edit is easy to fix. */
export function parseMeasureCatalogue(raw: unknown, source = 'measures catalogue'): MeasureCatalogue {
  const parsed = catalogueSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new Error(`${source} is invalid: ${problems.join('; ')}`);
  }
  const seen = new Set<string>();
  parsed.data.measures.forEach((m, i) => {
    if (seen.has(m.id)) throw new Error(`${source} is invalid: measures.${i}.id: "${m.id}" appears twice`);
    seen.add(m.id);
  });
  return { measures: parsed.data.measures, surveyTargets: parsed.data.surveyTargets };
}
