import { OUTCOME_LABEL } from './outcomeVocabulary.js';
import { toCommand } from './phrasing.js';
import { academicYearFor, type YearToken } from './termSlot.js';
import type { OutcomeId, Season, ServiceVocab, TermRef, Understanding } from './types.js';

/**
 * Ask-back questions. Each offers the readings it hesitates between as commands, and carries the
 * reading it would fall back on as `partial`, so a handler can pre-fill a card or log what was meant.
 */
export function askBack(
  question: string,
  alternatives: Understanding[],
  services: readonly ServiceVocab[],
): Extract<Understanding, { intent: 'clarify' }> {
  return askBackWith(question, alternatives, (u) => toCommand(u, services));
}

/** The same, for a capability's own intent, written back as a command by its own reader. */
export function askBackWith<U extends Understanding>(
  question: string,
  alternatives: U[],
  command: (u: U) => string,
): Extract<Understanding, { intent: 'clarify' }> {
  const partial: Understanding = alternatives[0] ?? { intent: 'help' };
  return { intent: 'clarify', question, options: [...new Set(alternatives.map(command))], partial };
}

type Scores = Extract<Understanding, { intent: 'scores' }>;
const SEASONS: readonly Season[] = ['autumn', 'spring', 'summer'];

/** "compare health" with no terms: compare which terms? */
export function whichTermsToCompare(
  base: Scores,
  services: readonly ServiceVocab[],
  /** "last year vs the year before": years apart are offered first. */
  yearsApart = false,
): Understanding {
  const years: TermRef[][] = [
    [{ kind: 'yearAgo' }, { kind: 'yearsAgo', years: 2 }],
    [{ kind: 'current' }, { kind: 'yearAgo' }],
  ];
  const pairs: TermRef[][] = [
    ...(yearsApart ? years : []),
    [{ kind: 'current' }, { kind: 'previous' }],
    [
      { kind: 'named', season: 'autumn' },
      { kind: 'named', season: 'spring' },
    ],
    [
      { kind: 'named', season: 'spring' },
      { kind: 'named', season: 'summer' },
    ],
  ];
  const what = base.outcome ? `${OUTCOME_LABEL[base.outcome]} scores` : 'the scores';
  return askBack(
    `Which two terms shall I compare ${what} for?`,
    pairs.map((terms) => ({ ...base, terms })),
    services,
  );
}

/** More than two terms named: the answer compares two at a time. */
export function whichTwoTerms(base: Termly, terms: TermRef[], services: readonly ServiceVocab[]): Understanding {
  const pairs = terms.slice(1).map((t, i) => [terms[i] ?? t, t]);
  return askBack(
    'I can compare two terms at a time. Which two?',
    pairs.map((p) => ({ ...base, terms: p })),
    services,
  );
}

type Termly = Scores | Extract<Understanding, { intent: 'responseRate' }>;

/** "last year", "this month": figures are termly, so which term? */
export function whichTerm(base: Termly, services: readonly ServiceVocab[]): Understanding {
  const terms: TermRef[] = [
    { kind: 'current' },
    { kind: 'previous' },
    ...SEASONS.map((season): TermRef => ({ kind: 'named', season })),
  ];
  return askBack(
    'Figures are kept by term. Which term do you mean?',
    terms.map((t) => ({ ...base, terms: [t] })),
    services,
  );
}

/** "scores for 2025-26": which term of that year? */
export function whichSeason(base: Termly, year: YearToken, services: readonly ServiceVocab[]): Understanding {
  const options = SEASONS.map((season): Understanding => ({
    ...base,
    terms: [{ kind: 'named', season, academicYear: academicYearFor(year, season) }],
  }));
  return askBack('Which term do you mean: autumn, spring or summer?', options, services);
}

/** "safe and healthy": which outcome (or all six)? */
export function whichOutcome(base: Scores, outcomes: OutcomeId[], services: readonly ServiceVocab[]): Understanding {
  const options: Understanding[] = outcomes.map((outcome) => ({ ...base, outcome }));
  options.push({
    intent: 'scores',
    roles: base.roles,
    terms: base.terms,
    perQuestion: false,
    ...(base.rank ? { rank: base.rank } : {}),
  });
  return askBack(
    `Which outcome do you mean: ${outcomes.map((o) => OUTCOME_LABEL[o]).join(' or ')}? Or all six?`,
    options,
    services,
  );
}

/** "wait for an assessment": several services are assessments. */
export function whichService(ids: string[], services: readonly ServiceVocab[]): Understanding {
  const options: Understanding[] = ids.map((id) => ({ intent: 'waits', service: id, allServices: false }));
  options.push({ intent: 'waits', allServices: true });
  return askBack('Which service do you mean?', options, services);
}

/** Two different questions in one message: answer one at a time. */
export function whichQuestion(readings: Understanding[], services: readonly ServiceVocab[]): Understanding {
  return askBack('I can answer one question at a time. Which would you like first?', readings, services);
}
