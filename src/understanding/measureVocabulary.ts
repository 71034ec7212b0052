import { entries, entry, intent, type Entry } from './lexicon.js';
import type { MeasureVocab } from './types.js';

/** The framework's measures as a whole, and asking for those missing a target. */
export const MEASURE_ENTRIES: Entry[] = [
  ...entries(
    'measures | measure | indicators | indicator | KPIs | KPI | performance indicators | framework measures | performance measures | scorecard',
    intent('measure', 4),
    { kind: 'allMeasures' },
  ),
  ...entries(
    'off target | missing targets | missing their targets | missing target | not on target | behind target | below target | not meeting | red or amber | are red | in the red | rated red | red',
    { kind: 'offTarget' },
  ),
  // The comparators a figure is set beside (npm run import -- benchmarks): they choose no measure by themselves.
  ...entries(
    'national | nationally | England | national average | national rate | national figure | England average | the national picture',
    { kind: 'comparator', id: 'england' },
  ),
  ...entries(
    'statistical neighbours | stat neighbours | neighbours | neighbour | SN | SNs | stat neighbors | statistical neighbors | neighbors | neighbouring authorities | neighbouring councils | similar authorities | similar councils | comparator authorities | similar areas | similar local authorities | similar places | areas like us | councils like us | comparable areas | comparable authorities',
    { kind: 'comparator', id: 'statistical_neighbours' },
  ),
  ...entries('region | regional | regional average | the region | West Midlands', { kind: 'comparator', id: 'region' }),
  ...entries(
    'overall | all together | whole picture | big picture | in the round | across the board | all the measures | everything we measure | ' +
      'everything we have got on | everything we have on | everything we know about | everything on | everything about | all we have on | all we know about | full picture',
    { kind: 'overall' },
  ),
];

/**
 * Entries for the catalogue's measures. A topic phrase ("attendance") makes each measure using it a
 * candidate and is good evidence of a measure question; a qualifier ("SEN support", "on time") only
 * tells candidates apart. A phrase shared by several measures carries all their ids.
 */
export function measureEntries(measures: readonly MeasureVocab[]): Entry[] {
  const topics = new Map<string, Set<string>>();
  const broad = new Map<string, Set<string>>();
  const qualifiers = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, phrase: string, id: string) => {
    const key = phrase.trim();
    map.set(key, (map.get(key) ?? new Set()).add(id));
  };
  for (const m of measures) {
    for (const t of m.topics) add(topics, t, m.id);
    for (const t of m.broadTopics ?? []) add(broad, t, m.id);
    for (const q of m.qualifiers) add(qualifiers, q, m.id);
  }
  return [
    ...[...topics].map(([p, ids]) => {
      const broadFor = [...(broad.get(p) ?? [])].sort();
      const tag = { kind: 'measureTopic' as const, ids: [...ids].sort(), ...(broadFor.length ? { broadFor } : {}) };
      return entry(p, tag, intent('measure', 3));
    }),
    ...[...qualifiers].map(([p, ids]) => entry(p, { kind: 'measureQualifier', ids: [...ids].sort() })),
  ];
}

export function measuresSignature(measures: readonly MeasureVocab[]): string {
  return JSON.stringify(measures.map((m) => [m.id, m.topics, m.qualifiers, m.broadTopics ?? []]));
}
