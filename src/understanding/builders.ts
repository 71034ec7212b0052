import { has, tagged, type Analysis } from './analysis.js';
import {
  askBackWith,
  whichOutcome,
  whichSeason,
  whichService,
  whichTerm,
  whichTermsToCompare,
  whichTwoTerms,
} from './clarify.js';
import { toCommand } from './phrasing.js';
import type { QuestionReading } from './questionSlot.js';
import type { OutcomeReading } from './outcomeSlot.js';
import type { TermReading } from './termSlot.js';
import { BOTH_ROLES, type RespondentRole, type ServiceVocab, type TermRef, type Understanding } from './types.js';
import type { WaitsReading } from './waitsSlot.js';
import type { PeriodAsk, WaitsChangeRef } from './types.js';
import { readNonTermPeriod } from './periodSlot.js';

/** Everything read from one message, shared by the builders below. */
export type Slots = {
  analysis: Analysis;
  outcome: OutcomeReading;
  roles: RespondentRole[];
  /** A survey question named by its words. */
  question: QuestionReading;
  terms: TermReading;
  reviewRef: string | undefined;
  services: readonly ServiceVocab[];
};

type TermAsk = 'compareWhich' | 'tooMany' | 'season' | 'which';
type TermsOrAsk = { terms: TermRef[] } | { ask: TermAsk };

/**
 * The terms a figure is for. "vs last term", "since spring" and "trend" mean a comparison with the
 * current term; "compare" with no term at all is the one case we cannot settle, unless what is
 * compared is something else (two roles, several outcomes).
 */
function chooseTerms(t: TermReading, comparesSomethingElse: boolean): TermsOrAsk {
  const current: TermRef = { kind: 'current' };
  if (t.yearWithoutSeason && !t.terms.some((x) => x.kind === 'named')) return { ask: 'season' };
  if (t.yearBeforeUnplaced) return { ask: 'compareWhich' };
  if (t.terms.length > 2) return { ask: 'tooMany' };
  if (t.vague && t.terms.length === 0) return { ask: 'which' };
  if (t.terms.length === 2) return { terms: t.terms };
  const only = t.terms[0];
  if (!t.compare || comparesSomethingElse) return { terms: only ? [only] : [current] };
  if (!only) return t.compare === 'implicit' ? { terms: [current, { kind: 'previous' }] } : { ask: 'compareWhich' };
  if (only.kind === 'current')
    return t.compare === 'implicit' ? { terms: [current, { kind: 'previous' }] } : { ask: 'compareWhich' };
  return { terms: [current, only] };
}

export function buildScores(s: Slots): Understanding {
  const rank = tagged(s.analysis, 'rank')[0]?.tag.rank;
  const several = s.outcome.kind === 'several';
  const outcome = s.outcome.kind === 'one' ? s.outcome.outcome : undefined;
  // A topic of some questions ("being listened to"), a ranking within one outcome, or an explicit
  // "per question" asks for the questions rather than the outcome's summary.
  const perQuestion =
    has(s.analysis, 'perQuestion') || (s.outcome.kind === 'one' && (s.outcome.byTopic || rank !== undefined));
  const base: Extract<Understanding, { intent: 'scores' }> = {
    intent: 'scores',
    ...(outcome ? { outcome } : {}),
    roles: s.roles.length ? s.roles : [...BOTH_ROLES],
    terms: [{ kind: 'current' }],
    ...(rank ? { rank } : {}),
    perQuestion,
  };
  const compareExplicit = s.terms.compare === 'explicit';
  // "in October", "2024-25", "last year": the period asked, placed in a term where the figures are. Two
  // periods compared ("compare safe 2024-25 with 2025-26") are not one period: asked back as before.
  const period = s.terms.terms.length === 0 && !compareExplicit ? readNonTermPeriod(s.analysis) : undefined;
  const chosen = period
    ? { terms: [{ kind: 'current' as const }] }
    : chooseTerms(s.terms, compareExplicit && (s.roles.length === 2 || several));
  if ('ask' in chosen) return askAboutTerms(chosen.ask, base, s);
  const withTerms = { ...base, terms: chosen.terms, ...(period ? { period } : {}) };
  // An outcome named by its name ("confident about their child's future") is what is asked: a question of another
  // outcome that shares some of the words ("I am confident my child can tell someone…", Health) is not.
  const named =
    s.outcome.kind === 'one' && !s.outcome.byTopic && s.outcome.strength >= 3 ? s.outcome.outcome : undefined;
  const q =
    named && s.question.kind === 'one' && s.question.question.outcome !== named
      ? { kind: 'none' as const }
      : s.question;
  if (q.kind === 'one')
    return {
      ...withTerms,
      outcome: q.question.outcome,
      roles: [q.question.role],
      perQuestion: true,
      question: q.question.id,
    };
  if (q.kind === 'several') {
    const options = q.questions.map((x) => ({
      ...withTerms,
      outcome: x.outcome,
      roles: [x.role],
      perQuestion: true,
      question: x.id,
    }));
    // Written back in the question's own words, which read back as that question.
    const text = (id: string | undefined) => q.questions.find((x) => x.id === id)?.text ?? '';
    return askBackWith('Which question do you mean?', options, (u) =>
      u.question
        ? `"${text(u.question)}" scores ${u.terms.length === 1 ? '' : 'compared'}`.trim()
        : toCommand(u, s.services),
    );
  }
  if (s.outcome.kind === 'several' && !compareExplicit) return whichOutcome(withTerms, s.outcome.outcomes, s.services);
  return withTerms;
}

export function buildResponseRate(s: Slots): Understanding {
  const base: Extract<Understanding, { intent: 'responseRate' }> = {
    intent: 'responseRate',
    terms: [{ kind: 'current' }],
  };
  const period =
    s.terms.terms.length === 0 && s.terms.compare !== 'explicit' ? readNonTermPeriod(s.analysis) : undefined;
  if (period) return { ...base, period };
  const chosen = chooseTerms(s.terms, false);
  if (!('ask' in chosen)) return { ...base, terms: chosen.terms };
  if (chosen.ask === 'season' && s.terms.yearWithoutSeason)
    return whichSeason(base, s.terms.yearWithoutSeason, s.services);
  if (chosen.ask === 'tooMany') return whichTwoTerms(base, s.terms.terms, s.services);
  if (chosen.ask === 'which') return whichTerm(base, s.services);
  return { ...base, terms: [{ kind: 'current' }, { kind: 'previous' }] };
}

function askAboutTerms(ask: TermAsk, base: Extract<Understanding, { intent: 'scores' }>, s: Slots): Understanding {
  if (ask === 'season' && s.terms.yearWithoutSeason) return whichSeason(base, s.terms.yearWithoutSeason, s.services);
  if (ask === 'tooMany') return whichTwoTerms(base, s.terms.terms, s.services);
  if (ask === 'which') return whichTerm(base, s.services);
  return whichTermsToCompare(base, s.services, s.terms.yearBeforeUnplaced);
}

export function buildWaits(
  w: WaitsReading,
  services: readonly ServiceVocab[],
  change?: WaitsChangeRef,
  period?: PeriodAsk,
): Understanding {
  // A period asked without a comparison is the list as it stood then, not a change.
  const changed = period ? { period } : change ? { change } : {};
  switch (w.kind) {
    case 'service':
      return { intent: 'waits', service: w.id, allServices: false, ...changed };
    case 'unknown':
      return { intent: 'waits', unknownService: w.name, allServices: false };
    case 'generic':
      return whichService(w.ids, services);
    case 'all':
      return { intent: 'waits', allServices: true, ...changed };
  }
}
