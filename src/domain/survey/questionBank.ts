import { z } from 'zod';
import { applyErrata, type Errata } from './errata.js';

export const OUTCOME_IDS = ['voice', 'progress', 'health', 'support', 'safe', 'future'] as const;
export type OutcomeId = (typeof OUTCOME_IDS)[number];
export const RESPONDENT_ROLES = ['cyp', 'pc'] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];

const scoredId = /^(voice|progress|health|support|safe|future)\.(cyp|pc)\.[1-9]\d*$/;
const textId = /^text\.(cyp|pc)\.[1-9]\d*$/;

/**
 * An easy-read version of a question or prompt: short sentences, one idea each, in plain words. Shown only to a
 * family who asks for it; the framework's wording stays the default. `draft` until the parent carer forum has
 * co-produced it (the framework's own wording was co-produced with families; these are not yet).
 */
const easyReadSchema = z.object({ text: z.string().min(1).max(300), status: z.enum(['draft', 'coProduced']) });
export type EasyRead = z.infer<typeof easyReadSchema>;
const questionSchema = z.object({
  id: z.string().regex(scoredId),
  text: z.string().min(1).max(300),
  easyRead: easyReadSchema.optional(),
});
const promptSchema = z.object({
  id: z.string().regex(textId),
  prompt: z.string().min(1).max(200),
  easyRead: easyReadSchema.optional(),
});
/** One point of the 1–5 scale, the same for both roles; children see its face (with the label as its name). */
const scalePoint = z.object({
  score: z.number().int().min(1).max(5),
  label: z.string().min(1),
  face: z.string().min(1),
  alt: z.string().min(1),
});

const bankSchema = z.object({
  framework: z.string().min(1),
  version: z.string().min(1).max(40),
  source: z.string(),
  easyReadAbout: z.string().optional(),
  scale: z.object({
    min: z.literal(1),
    max: z.literal(5),
    about: z.string().min(1),
    points: z
      .array(scalePoint)
      .length(5)
      .refine((ps) => ps.every((p, i) => p.score === i + 1), 'must be the scores 1 to 5 in order'),
    skipLabel: z.string().min(1),
  }),
  outcomes: z
    .array(
      z.object({
        id: z.enum(OUTCOME_IDS),
        shortName: z.string().min(1),
        plainWords: z.string().min(1),
        statement: z.string().min(1),
        questions: z.object({ cyp: z.array(questionSchema).min(1), pc: z.array(questionSchema).min(1) }),
      }),
    )
    .length(OUTCOME_IDS.length),
  freeText: z.object({ cyp: z.array(promptSchema).min(1), pc: z.array(promptSchema).min(1) }),
});

export type QuestionBankData = z.infer<typeof bankSchema>;
export type Outcome = QuestionBankData['outcomes'][number];
export type ScoredQuestion = {
  id: string;
  text: string;
  outcome: OutcomeId;
  role: RespondentRole;
  position: number;
  easyRead?: EasyRead;
};
export type FreeTextPrompt = {
  id: string;
  prompt: string;
  role: RespondentRole;
  position: number;
  easyRead?: EasyRead;
};

/** The words a family sees: the easy-read version when they chose it and the bank has one, else the framework's. */
export function wordsOf(item: ScoredQuestion | FreeTextPrompt, easyRead: boolean): string {
  const own = 'text' in item ? item.text : item.prompt;
  return easyRead && item.easyRead ? item.easyRead.text : own;
}

/** The question bank: validated once, then indexed for the lookups the survey and aggregates need. */
export class QuestionBank {
  private readonly scored = new Map<string, ScoredQuestion>();
  private readonly prompts = new Map<string, FreeTextPrompt>();

  constructor(readonly data: QuestionBankData) {
    for (const outcome of data.outcomes) {
      for (const role of RESPONDENT_ROLES) {
        outcome.questions[role].forEach((q, i) => {
          const expected = `${outcome.id}.${role}.${i + 1}`;
          if (q.id !== expected)
            throw new Error(
              `question bank: question "${q.id}" should be "${expected}" (ids follow the framework's row order)`,
            );
          this.addUnique(this.scored, q.id, {
            id: q.id,
            text: q.text,
            outcome: outcome.id,
            role,
            position: i + 1,
            ...(q.easyRead ? { easyRead: q.easyRead } : {}),
          });
        });
      }
    }
    for (const role of RESPONDENT_ROLES) {
      data.freeText[role].forEach((p, i) => {
        const expected = `text.${role}.${i + 1}`;
        if (p.id !== expected) throw new Error(`question bank: free-text prompt "${p.id}" should be "${expected}"`);
        this.addUnique(this.prompts, p.id, {
          id: p.id,
          prompt: p.prompt,
          role,
          position: i + 1,
          ...(p.easyRead ? { easyRead: p.easyRead } : {}),
        });
      });
    }
    const seen = new Set<string>();
    for (const o of data.outcomes) {
      if (seen.has(o.id)) throw new Error(`question bank: outcome "${o.id}" appears twice`);
      seen.add(o.id);
    }
  }

  private addUnique<T>(map: Map<string, T>, id: string, value: T): void {
    if (map.has(id)) throw new Error(`question bank: id "${id}" appears twice`);
    map.set(id, value);
  }

  get version(): string {
    return this.data.version;
  }
  get outcomes(): readonly Outcome[] {
    return this.data.outcomes;
  }
  outcome(id: OutcomeId): Outcome {
    const found = this.data.outcomes.find((o) => o.id === id);
    if (!found) throw new Error(`unknown outcome ${id}`);
    return found;
  }
  scoredQuestion(id: string): ScoredQuestion | undefined {
    return this.scored.get(id);
  }
  freeTextPrompt(id: string): FreeTextPrompt | undefined {
    return this.prompts.get(id);
  }
  questionsFor(outcome: OutcomeId, role: RespondentRole): ScoredQuestion[] {
    return [...this.scored.values()].filter((q) => q.outcome === outcome && q.role === role);
  }
  promptsFor(role: RespondentRole): FreeTextPrompt[] {
    return [...this.prompts.values()].filter((p) => p.role === role);
  }
  allScored(): ScoredQuestion[] {
    return [...this.scored.values()];
  }
}

export function parseQuestionBank(raw: unknown): QuestionBank {
  const parsed = bankSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `question bank is invalid at ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'unknown problem'}`,
    );
  }
  return new QuestionBank(parsed.data);
}

/**
 * The question bank families see: the file's JSON (the framework's text exactly) with the errata applied.
 * `errata: false` gives the file as it is (the test that proves every question is the framework's).
 */
export function questionBankFrom(raw: unknown, errata: Errata | false): QuestionBank {
  if (errata === false) return parseQuestionBank(raw);
  return new QuestionBank(applyErrata(parseQuestionBank(raw).data, errata));
}
