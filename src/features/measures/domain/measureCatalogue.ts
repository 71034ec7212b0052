import { z } from 'zod';
import { OUTCOME_IDS } from '../../../domain/survey/questionBank.js';
import { provenanceSchema } from '../../../domain/targets/targetProvenance.js';

const phrase = z.string().trim().min(2);

/**
 * A target on a measure. `level` is rated red/amber/green against the figure; `national` and `neighbours`
 * against the England or statistical neighbours' figure for the same period, when one is loaded (see
 * comparatorRating.ts); `change` and `direction` are shown as the sources word them, because rating them
 * needs a baseline that is not loaded, or is a direction rather than a number.
 *
 * `tolerance` (national, neighbours) says what "in line" means, in the measure's own unit (a share 0-1 for a
 * percent, per 100 for a rate, a number for a count): within it either side of the comparator is in line.
 */
const tolerance = z.number().gt(0);
const targetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('level'), value: z.number().min(0), wording: z.string(), provenance: provenanceSchema }),
  z.object({ kind: z.literal('change'), change: z.number(), wording: z.string(), provenance: provenanceSchema }),
  z.object({
    kind: z.literal('direction'),
    direction: z.enum(['increase', 'reduce']),
    wording: z.string(),
    provenance: provenanceSchema,
  }),
  /** In line with the national (England) figure, or better. */
  z.object({ kind: z.literal('national'), tolerance, wording: z.string(), provenance: provenanceSchema }),
  /** Better than the statistical neighbours' average. */
  z.object({ kind: z.literal('neighbours'), tolerance, wording: z.string(), provenance: provenanceSchema }),
]);

/** Where a measure not listed in seed 004 is asked for (the strategy, the WSoA). */
const listedInSchema = z.object({
  document: z.string().min(1).max(40),
  seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'must name a seed file'),
  quote: z.string().min(1),
});

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
    /**
     * The bullets of seed 004's "How will the local area measure impact and progress?" this measure answers,
     * word for word; `outcomes` are the outcomes those bullets are listed under (a test reads the seed).
     */
    seedBullets: z.array(z.string().min(3)).optional(),
    /** For a measure seed 004 does not list: the source document that asks for it. */
    listedIn: listedInSchema.optional(),
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
    if (!m.seedBullets?.length && !m.listedIn)
      ctx.addIssue({
        code: 'custom',
        path: ['seedBullets'],
        message: 'say where the framework asks for this measure (seedBullets from seed 004, or listedIn)',
      });
    for (const t of m.broadTopics ?? [])
      if (!m.topics.includes(t))
        ctx.addIssue({ code: 'custom', path: ['broadTopics'], message: `"${t}" is not one of the measure's topics` });
    if (m.target?.kind === 'level' && m.unit === 'percent' && m.target.value > 1)
      ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: 'a percent target is a share from 0 to 1' });
  });

/**
 * A target the sources set on what children and families report (seed 001), attached to the survey
 * question(s) that ask that thing. `level`: the questions' % positive should reach `share`. `yearlyIncrease`:
 * their % positive should rise by `increase` (relative: 0.15 is 15% more than a year before) year on year,
 * rated against the same term a year before. `asks` says honestly how far the questions ask what the target
 * is about. A target no question in the bank asks has no `questions` and says in `needs` what question it
 * would take; it is listed, never compared with a question that asks something else.
 */
const surveyTargetSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
    kind: z.enum(['level', 'yearlyIncrease']),
    share: z.number().gt(0).max(1).optional(),
    increase: z.number().gt(0).max(1).optional(),
    questions: z.array(z.string().regex(/^(voice|progress|health|support|safe|future)\.(cyp|pc)\.[1-9]\d*$/)),
    asks: z.string().min(3).optional(),
    needs: z.string().min(3).optional(),
    wording: z.string(),
    provenance: provenanceSchema,
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'level' && t.share === undefined)
      ctx.addIssue({ code: 'custom', path: ['share'], message: 'a level target needs its share (0-1)' });
    if (t.kind === 'yearlyIncrease' && t.increase === undefined)
      ctx.addIssue({ code: 'custom', path: ['increase'], message: 'a yearly increase needs its increase (0-1)' });
    if (t.questions.length === 0 && !t.needs)
      ctx.addIssue({
        code: 'custom',
        path: ['needs'],
        message: 'with no question that asks it, say what question it needs',
      });
    if (t.questions.length > 0 && !t.asks)
      ctx.addIssue({ code: 'custom', path: ['asks'], message: 'say what the questions ask of the target' });
  });

/**
 * A bullet of seed 004's lists that is evidence, not a figure (case studies, dip sampling), or is answered by
 * another capability (`answeredBy`: the survey's scores, the waiting times, "you said, we did").
 */
const evidenceSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: z.string().min(3),
  reason: z.string().min(10),
  answeredBy: z.enum(['survey', 'waits', 'youSaid']).optional(),
  seedBullets: z.array(z.string().min(3)).min(1),
});

const catalogueSchema = z.object({
  version: z.literal(1),
  description: z.string(),
  measures: z.array(measureSchema).min(1),
  surveyTargets: z.array(surveyTargetSchema),
  evidence: z.array(evidenceSchema),
});

export type Measure = z.infer<typeof measureSchema>;
export type MeasureTarget = NonNullable<Measure['target']>;
export type SurveyTarget = z.infer<typeof surveyTargetSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type MeasureCatalogue = { measures: Measure[]; surveyTargets: SurveyTarget[]; evidence: Evidence[] };

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
  const targetIds = new Set<string>();
  for (const t of parsed.data.surveyTargets) {
    if (targetIds.has(t.id)) throw new Error(`${source} is invalid: surveyTargets: "${t.id}" appears twice`);
    targetIds.add(t.id);
  }
  return {
    measures: parsed.data.measures,
    surveyTargets: parsed.data.surveyTargets,
    evidence: parsed.data.evidence,
  };
}
