import { z } from 'zod';
import { provenanceSchema } from '../../../domain/targets/targetProvenance.js';

/** "At least `share` of referrals within `weeks` weeks of referral", and where that target comes from. */
const targetSchema = z.object({
  weeks: z.number().int('must be a whole number of weeks').positive().max(260),
  share: z.number().gt(0, 'must be more than 0').max(1, 'must be at most 1 (a share, not a percentage)'),
  provenance: provenanceSchema,
});

/** A standard a source sets that the extract cannot measure: shown as such, with the column it would need. */
const unmeasuredSchema = z.object({
  standard: z.string().min(1),
  needs: z.string().min(1),
  provenance: provenanceSchema,
});

const serviceSchema = z.object({
  // Ids become table keys and CSV values, so they stay short lower-case words.
  id: z.string().regex(/^[a-z][a-z0-9]{1,19}$/, 'must be a short lower-case word (letters and digits)'),
  name: z.string().min(1),
  shortName: z.string().min(1),
  aliases: z.array(z.string().trim().min(2, 'must be at least 2 characters')).min(1),
  seenMeans: z.string().min(1),
  headline: z.enum(['waiting-list', 'seen-this-term']),
  targets: z.object({
    seen: targetSchema,
    triage: targetSchema.optional(),
    aim: z.object({ weeks: z.number().int().positive(), provenance: provenanceSchema }).optional(),
  }),
  unmeasured: z.array(unmeasuredSchema).optional(),
});

const catalogueSchema = z.object({
  version: z.literal(2),
  description: z.string(),
  services: z.array(serviceSchema).min(1, 'must list at least one service'),
});

export type Service = z.infer<typeof serviceSchema>;
export type ServiceTarget = z.infer<typeof targetSchema>;

/**
 * Checks a parsed services.json and returns its services. Throws an Error naming the file, the
 * field (e.g. `services[2].targets.seen.share`) and what is wrong, so a data edit is easy to fix.
 */
export function parseServiceCatalogue(raw: unknown, source = 'services catalogue'): Service[] {
  const parsed = catalogueSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${fieldPath(i.path) || '(top level)'}: ${i.message}`);
    throw new Error(`${source} is invalid: ${problems.join('; ')}`);
  }
  const services = parsed.data.services;
  const seenIds = new Set<string>();
  // One phrase must mean one service, or "the wait for X" could not be answered without guessing.
  const phraseOwner = new Map<string, string>();
  services.forEach((s, index) => {
    if (seenIds.has(s.id)) throw new Error(`${source} is invalid: services[${index}].id: "${s.id}" appears twice`);
    seenIds.add(s.id);
    for (const phrase of [s.name, s.shortName, ...s.aliases]) {
      const key = phrase.trim().toLowerCase();
      const owner = phraseOwner.get(key);
      if (owner !== undefined && owner !== s.id) {
        throw new Error(
          `${source} is invalid: services[${index}].aliases: "${phrase}" is already used by service "${owner}"`,
        );
      }
      phraseOwner.set(key, s.id);
    }
  });
  return services;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
}
