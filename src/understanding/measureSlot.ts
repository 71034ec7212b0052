import { has, tagged, type Analysis } from './analysis.js';

export type MeasureReading =
  | { kind: 'one'; id: string }
  /** Several measures fit equally well: ask which. */
  | { kind: 'ambiguous'; ids: string[] }
  | { kind: 'none' };

/**
 * Which framework measure a message names. Every measure whose topic is mentioned is a candidate; the
 * qualifiers ("EHCP", "SEN support", "on time", "quality") count for the candidates they fit, and the
 * best-fitting candidate is chosen. Two that fit equally are asked about, never guessed between.
 */
export function readMeasure(a: Analysis): MeasureReading {
  const score = new Map<string, number>();
  const qualified = new Set(tagged(a, 'measureQualifier').flatMap(({ tag }) => tag.ids));
  for (const { tag } of tagged(a, 'measureTopic'))
    for (const id of tag.ids) {
      // "how many EHCPs": a broad topic names this measure only beside one of its qualifiers.
      if (tag.broadFor?.includes(id) && !qualified.has(id)) continue;
      score.set(id, (score.get(id) ?? 0) + 1);
    }
  if (score.size === 0) return { kind: 'none' };
  for (const { tag } of tagged(a, 'measureQualifier'))
    for (const id of tag.ids) if (score.has(id)) score.set(id, (score.get(id) ?? 0) + 1);
  const best = Math.max(...score.values());
  const tied = [...score].filter(([, s]) => s === best).map(([id]) => id);
  // "pupils in alternative provision who went back into mainstream": the subject of one ("alternative
  // provision") only qualifies the other ("returns to mainstream from AP"), which is the narrower question asked.
  const refined = (id: string) =>
    tagged(a, 'measureTopic')
      .filter(({ tag }) => tag.ids.includes(id))
      .every(({ match }) =>
        match.tags.some(
          (t) => t.kind === 'measureQualifier' && t.ids.some((other) => other !== id && tied.includes(other)),
        ),
      );
  const narrower = tied.filter((id) => !refined(id));
  const top = narrower.length ? narrower : tied;
  return top.length === 1 ? { kind: 'one', id: top[0]! } : { kind: 'ambiguous', ids: top.sort() };
}

/** The first comparator named ("against national", "neighbours"), if any: the answer leads with it. */
export function readComparator(a: Analysis): 'england' | 'region' | 'statistical_neighbours' | undefined {
  return tagged(a, 'comparator')[0]?.tag.id;
}

export const asksOffTarget = (a: Analysis) => has(a, 'offTarget');
export const asksOverall = (a: Analysis) => has(a, 'overall');
export const namesAllMeasures = (a: Analysis) => has(a, 'allMeasures');
