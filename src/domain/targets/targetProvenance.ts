import { z } from 'zod';

/**
 * Where a target comes from. The product shows no target without it: a board member must be able to
 * tell a statutory duty from a Written Statement of Action figure set for 2020–22, and either from a
 * figure nobody set.
 *
 * - `statutory`: set in law (e.g. the SEND Regulations 2014's 20 weeks for an EHC plan).
 * - `seeded`: set by one of the framework's source documents (`seed` names the file); `quote` is its
 *   wording, exactly. `setFor` is the period it was set for and `until` its last day: a target past its
 *   period with no newer one is still shown and rated, and says so.
 * - `assumed`: no document sets it; the product uses it as a point of comparison only, never for a rating.
 */
export const provenanceSchema = z
  .object({
    basis: z.enum(['statutory', 'seeded', 'assumed']),
    /** Short name of the document: "WSoA", "SEND Regulations 2014". */
    document: z.string().min(1).max(40),
    seed: z
      .string()
      .regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'must name a seed file, e.g. 001_48e64fa7d1c7d9da.txt')
      .optional(),
    section: z.string().min(1),
    quote: z.string().min(1),
    setFor: z.string().min(1).max(20).optional(),
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
      .optional(),
    /** For `assumed`: why this figure is used at all. */
    reason: z.string().min(1).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.basis === 'seeded' && !p.seed)
      ctx.addIssue({ code: 'custom', path: ['seed'], message: 'a seeded target must name its seed file' });
    if (p.basis === 'seeded' && !p.setFor)
      ctx.addIssue({ code: 'custom', path: ['setFor'], message: 'a seeded target must say the period it was set for' });
    if (p.basis === 'assumed' && !p.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an assumed target must say why it is used' });
  });

export type Provenance = z.infer<typeof provenanceSchema>;

/** Only targets set by statute or by the framework's documents decide a red, amber or green. */
export function isRated(p: Provenance): boolean {
  return p.basis !== 'assumed';
}

/** Whether the period a target was set for has ended by `today`. */
export function isPastItsPeriod(p: Provenance, today: string): boolean {
  return p.until !== undefined && today > p.until;
}

/**
 * The short form shown beside every target: "statutory", "WSoA 2020–22", "WSoA: set for 2020–22; no
 * newer target", "assumed: no target set".
 */
export function provenanceLabel(p: Provenance, today: string): string {
  switch (p.basis) {
    case 'statutory':
      return `statutory (${p.document})`;
    case 'assumed':
      return 'assumed: no target set';
    case 'seeded':
      return isPastItsPeriod(p, today)
        ? `${p.document}: set for ${p.setFor}; no newer target`
        : `${p.document} ${p.setFor}`;
  }
}
