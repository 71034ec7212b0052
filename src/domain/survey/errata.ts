import { z } from 'zod';

/** The parts of the question bank an erratum can correct (structural, so this file needs nothing of the bank's). */
type Texts = { id: string; text: string }[];
type BankTexts = {
  version: string;
  outcomes: { id: string; statement: string; plainWords: string; questions: { cyp: Texts; pc: Texts } }[];
  freeText: { cyp: { id: string; prompt: string }[]; pc: { id: string; prompt: string }[] };
};

const erratumSchema = z.object({
  where: z
    .string()
    .regex(
      /^(outcome\.[a-z]+\.(statement|plainWords)|[a-z]+\.(cyp|pc)\.\d+|text\.(cyp|pc)\.\d+)$/,
      'must be a question id, a prompt id, or outcome.<id>.statement',
    ),
  original: z.string().min(1),
  corrected: z.string().min(1),
  reason: z.string().min(10, 'must say why the text is corrected'),
});

const errataSchema = z.object({
  version: z.number().int().positive(),
  appliesTo: z.string().min(1),
  description: z.string(),
  errata: z.array(erratumSchema),
});

export type Errata = z.infer<typeof errataSchema>;

/** Checks parsed errata (seeds/errata.json, read at the edge by src/seeds). */
export function errataFrom(raw: unknown): Errata {
  const parsed = errataSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`errata are invalid at ${first?.path.join('.') || '(root)'}: ${first?.message}`);
  }
  return parsed.data;
}

/**
 * The bank with each erratum applied: the conversion artefacts fixed, the co-produced wording otherwise
 * untouched. Refuses errata written for another edition, and an erratum whose original text is not in
 * its place exactly once (the bank changed under it), rather than guess.
 */
export function applyErrata<T extends BankTexts>(data: T, errata: Errata): T {
  if (errata.appliesTo !== data.version)
    throw new Error(
      `the errata are for question bank ${errata.appliesTo}, not ${data.version}: review them against the new edition`,
    );
  const copy = structuredClone(data);
  for (const e of errata.errata) {
    const [get, set] = locate(copy, e.where);
    const text = get();
    const count = text.split(e.original).length - 1;
    if (count !== 1)
      throw new Error(
        `erratum for ${e.where}: "${e.original}" appears ${count} times in its text (must be exactly once)`,
      );
    set(text.replace(e.original, e.corrected));
  }
  copy.version = `${data.version}+errata.${errata.version}`;
  return copy;
}

function locate(data: BankTexts, where: string): [() => string, (text: string) => void] {
  const outcomeField = /^outcome\.([a-z]+)\.(statement|plainWords)$/.exec(where);
  if (outcomeField) {
    const outcome = data.outcomes.find((o) => o.id === outcomeField[1]);
    if (!outcome) throw new Error(`erratum for ${where}: no such outcome`);
    const field = outcomeField[2] as 'statement' | 'plainWords';
    return [() => outcome[field], (t) => (outcome[field] = t)];
  }
  const prompt = /^text\.(cyp|pc)\.\d+$/.test(where)
    ? data.freeText[where.split('.')[1] as 'cyp' | 'pc'].find((p) => p.id === where)
    : undefined;
  if (prompt) return [() => prompt.prompt, (t) => (prompt.prompt = t)];
  for (const outcome of data.outcomes)
    for (const role of ['cyp', 'pc'] as const) {
      const q = outcome.questions[role].find((x) => x.id === where);
      if (q) return [() => q.text, (t) => (q.text = t)];
    }
  throw new Error(`erratum for ${where}: no such question or prompt`);
}
