import { z } from 'zod';
import { isRealIsoDate } from '../dates.js';

/** Words filled in when a page is made; any other `{name}` in the text is a mistake and refuses to load. */
export const LEGAL_PLACEHOLDERS = ['organisation', 'invitationDays'] as const;

const words = z
  .string()
  .trim()
  .min(1)
  .max(2_000)
  .superRefine((text, ctx) => {
    for (const [, name] of text.matchAll(/\{(\w*)\}/g))
      if (!(LEGAL_PLACEHOLDERS as readonly string[]).includes(name ?? ''))
        ctx.addIssue({
          code: 'custom',
          message: `{${name}} is not known (only ${LEGAL_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`,
        });
  });

const pageSchema = z.object({
  title: z.string().trim().min(1).max(80),
  summary: words,
  sections: z
    .array(
      z
        .object({
          heading: z.string().trim().min(1).max(120),
          paragraphs: z.array(words).optional(),
          list: z.array(words).optional(),
        })
        .refine((s) => (s.paragraphs?.length ?? 0) + (s.list?.length ?? 0) > 0, 'a section needs paragraphs or a list'),
    )
    .min(1),
});

const legalTextSchema = z.object({
  organisation: z.string().trim().min(2).max(200),
  updated: z.string().refine(isRealIsoDate, 'must be a real date written YYYY-MM-DD'),
  contact: z.object({
    name: z.string().trim().min(1).max(120),
    email: z.email(),
    phone: z.string().trim().max(40).optional(),
    address: z.string().trim().max(300).optional(),
  }),
  privacy: pageSchema,
  terms: pageSchema,
});
export type LegalText = z.infer<typeof legalTextSchema>;

/**
 * The privacy notice and terms (seeds/legal.json, or a deployment's own copy), checked: read with the
 * configuration at start-up (src/seeds), so a missing or invalid file stops the bot before anything starts.
 */
export function legalTextFrom(json: unknown, file: string): LegalText {
  const parsed = legalTextSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `${file} is not a valid privacy and terms text:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  return parsed.data;
}
