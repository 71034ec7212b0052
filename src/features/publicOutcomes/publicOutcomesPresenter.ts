import type { PublicFiguresCard } from './publicOutcomesCardModels.js';
import type { PublicStatus } from './domain/publicPage.js';

/** Input ids on the card: `o_<outcome>` and `m_<measure>` (letters, digits and _ only). */
export const toggleId = (kind: 'outcome' | 'measure', id: string) => `${kind === 'outcome' ? 'o' : 'm'}_${id}`;

export function publicFiguresCard(s: PublicStatus, pageUrl: string, notice = ''): PublicFiguresCard {
  const shown = s.measures.filter((m) => m.isPublic).length + s.outcomes.filter((o) => o.isPublic).length;
  return {
    intro: `${shown} of ${s.measures.length + s.outcomes.length} are on the public page now. Switch on what the Local Offer may show; figures from fewer than 5 people stay hidden there too.`,
    outcomes: s.outcomes.map((o) => ({
      id: toggleId('outcome', o.outcome),
      title: `${o.name}: survey scores`,
      value: String(o.isPublic),
    })),
    measures: s.measures.map((m) => ({
      id: toggleId('measure', m.measure.id),
      title: m.measure.name,
      value: String(m.isPublic),
    })),
    pageUrl: `The public page: ${pageUrl}`,
    notice,
  };
}

/** "Published: A; B." in words, for a change made by typing. */
export function markedText(names: readonly string[], isPublic: boolean, pageUrl: string): string {
  return isPublic
    ? `Published on the public page: ${names.join('; ')}. ${pageUrl}`
    : `Taken off the public page: ${names.join('; ')}.`;
}
