import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../projectPaths.js';

const target = z.object({ weeks: z.number().positive().max(260), share: z.number().gt(0).max(1) });
const serviceSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9]{1,19}$/, 'service ids are short lower-case words'),
  name: z.string().min(1),
  shortName: z.string().min(1),
  aliases: z.array(z.string().min(2)).min(1),
  seenMeans: z.string().min(1),
  seen: target,
  triage: target.optional(),
  aimWeeks: z.number().positive().optional(),
  source: z.string().min(1),
});
const catalogueSchema = z.object({ version: z.number().int(), description: z.string(), services: z.array(serviceSchema).min(1) });

export type Service = z.infer<typeof serviceSchema>;

/** The services and their waiting-time targets, from seeds/services.json (a data change adds one). */
export function parseServiceCatalogue(raw: unknown): Service[] {
  const parsed = catalogueSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`services catalogue is invalid at ${first?.path.join('.') || '(root)'}: ${first?.message}`);
  }
  const ids = parsed.data.services.map((s) => s.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`services catalogue: service "${duplicate}" appears twice`);
  return parsed.data.services;
}

export function loadServiceCatalogue(file = fromRoot('seeds', 'services.json')): Service[] {
  return parseServiceCatalogue(JSON.parse(readFileSync(file, 'utf8')));
}
