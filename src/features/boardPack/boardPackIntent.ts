import type { CapabilityIntent } from '../../routing/route.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entries, intent } from '../../understanding/lexicon.js';
import type { BoardPackService, PackAsk } from './boardPackService.js';
import { boardPackRoute } from './boardPackRoute.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "board pack for this term", "… for spring", "… for the last six weeks" (managers). */
    boardPack: { ask: PackAsk };
  }
}

const NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** "the last six weeks", "past 6 weeks", "last fortnight": a span of weeks, or undefined. */
export function weeksAsked(tokens: readonly string[]): number | undefined {
  if (tokens.includes('fortnight')) return 2;
  const at = tokens.findIndex((t) => t === 'weeks' || t === 'week' || t === 'wks');
  if (at < 0) return undefined;
  const before = tokens[at - 1];
  if (!before) return undefined;
  const n =
    NUMBERS[before] ??
    (/^\d{1,2}$/.test(before) ? Number(before) : before === 'last' || before === 'past' ? 1 : undefined);
  return n !== undefined && n >= 1 && n <= 26 ? n : undefined;
}

export const boardPackIntent = {
  reader: intentReader({
    intent: 'boardPack',
    before: 'digest',
    vocabulary: [
      ...entries(
        'board pack | boardpack | board papers | pack for the board | partnership board pack | scorecard pack | board report pack | board report | report for the board | for the partnership board | for the board meeting | scorecard for the board | board scorecard | the scorecard | partnership scorecard | our scorecard | scorecard',
        intent('boardPack', 8),
      ),
      // The board named with what is made for it, words apart: "papers for the SEND partnership board".
      // Each a hint (the board alone may be a question about the board), together a request.
      ...entries('partnership board | send board | board meeting', intent('boardPack', 2)),
      ...entries('the board | board', intent('boardPack', 1)),
      ...entries('papers | pack | slides | paper', intent('boardPack', 2)),
    ],
    build: ({ analysis, terms }) => {
      const weeks = weeksAsked(analysis.tokens);
      const ask: PackAsk = weeks
        ? { kind: 'weeks', weeks }
        : { kind: 'term', term: terms.terms[0] ?? { kind: 'current' } };
      return { intent: 'boardPack', ask };
    },
    command: (u) =>
      u.ask.kind === 'weeks'
        ? `board pack for the last ${u.ask.weeks} weeks`
        : u.ask.term.kind === 'named'
          ? `board pack for ${u.ask.term.season}${u.ask.term.academicYear ? ` ${u.ask.term.academicYear}` : ''}`
          : u.ask.term.kind === 'previous'
            ? 'board pack for last term'
            : 'board pack for this term',
  }),
  route: (d: { boardPacks: BoardPackService }) => boardPackRoute(d.boardPacks),
} satisfies CapabilityIntent<'boardPack', { boardPacks: BoardPackService }>;
