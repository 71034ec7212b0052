import { analyse, has, tagged, type Analysis } from './analysis.js';
import { askBack } from './clarify.js';
import { entries, type Entry } from './lexicon.js';
import { compileLexicon } from './matcher.js';
import { normalise } from './normalise.js';
import { readOutcome } from './outcomeSlot.js';
import { readComparator } from './measureSlot.js';
import { academicYearsAround, readNonTermPeriod, readPeriod, readWaitsPeriod } from './periodSlot.js';
import { readRoles } from './roleSlot.js';
import { readTerms } from './termSlot.js';
import type { MeasureVocab, ServiceVocab, TermRef, Understanding } from './types.js';
import { lexiconFor } from './vocabulary.js';
import { readWaitsChange } from './waitsSlot.js';
import { yearBeforeAsked } from './yearBefore.js';

/** How long a question stays the one a short follow-up is read against. */
export const FOLLOW_UP_MINUTES = 30;

/**
 * Words that say "the same question, but…": "what about", "and for", "just", "only". They count only where
 * a follow-up says them, at the start ("and" inside "speech and language therapy" is no cue), or "instead" /
 * "only" at the end ("parents only").
 */
const CUES: Entry[] = entries(
  'what about | how about | and for | and what about | and | same for | same again for | what was it | how was it | just | only | instead | now for',
  { kind: 'ignore' },
);
const cueLexicon = compileLexicon(CUES);
/** "which question pulls it down?": a rank said the way one speaks of the answer just given. */
const RANK_OF_IT = compileLexicon([
  ...entries('pulls it down | pulling it down | drags it down | dragging it down | lets it down | brings it down', {
    kind: 'rank',
    rank: 'lowest',
  }),
  ...entries('pulls it up | lifts it | pushes it up | brings it up', { kind: 'rank', rank: 'highest' }),
]);

type Scores = Extract<Understanding, { intent: 'scores' }>;
type Waits = Extract<Understanding, { intent: 'waits' }>;
type Measure = Extract<Understanding, { intent: 'measure' }>;
type Themes = Extract<Understanding, { intent: 'themes' }>;

/** What a message reads as alone when it could be a follow-up: nothing clear, or a question it may complete. */
const OPEN = new Set(['unknown', 'clarify', 'scores', 'waits', 'responseRate']);

/**
 * Reads a later message against the question before it in the same conversation. `fresh` is what the
 * message means alone. A follow-up may fill what a message leaves out, never replace what it says: a message
 * that names its own intent, outcome ("which outcome…" names them all), service or measure is answered for
 * what it names, unless it is cued as a follow-up ("and for safe?"); a message that only changes the term, the
 * respondents, the cohort, the rank or the comparison ("what about last term?", "just parent carers", "and
 * for SEN support?", "which question pulls it down?") is the previous question with that change. A change of
 * subject that could be either ("and for autism?" after outcome scores) is asked back.
 */
export function readFollowUp(
  text: string,
  fresh: Understanding,
  previous: Understanding,
  services: readonly ServiceVocab[],
  measures: readonly MeasureVocab[] = [],
): Understanding {
  // A full question of another kind, or an exact command, needs no earlier one.
  if (!OPEN.has(fresh.intent)) return fresh;
  const { tokens } = normalise(text);
  // "and the year before?": the period just asked, a year earlier.
  const before = yearBeforeAsked(tokens, previous);
  if (before) return before;
  const a = analyse(tokens, lexiconFor(services, measures));
  const cued = cuedAsFollowUp(tokens);
  const outcome = readOutcome(a);
  const roles = readRoles(a);
  const terms = readTerms(a);
  const service = tagged(a, 'service')[0]?.tag.id;
  const ownMeasure = has(a, 'measureTopic') || has(a, 'allMeasures');
  const ownSubject = outcome.kind !== 'none' || service !== undefined || ownMeasure;
  // A long message that names its own subject is a new question.
  if (tokens.length > 8 && ownSubject) return fresh;
  // Read alone as another kind of question with its own words ("response rate in the spring term" after waits).
  const otherIntent = fresh.intent !== previous.intent && fresh.intent !== 'unknown' && fresh.intent !== 'clarify';

  if (previous.intent === 'measure' && previous.measure && !otherIntent && !ownMeasure && outcome.kind === 'none')
    return measureFollowUp(a, previous, terms, services, measures, fresh);
  if (previous.intent === 'scores') {
    if (service !== undefined && outcome.kind === 'none') {
      if (!cued) return fresh;
      // "and for autism?" after scores: a waiting list, or something else? Ask rather than jump.
      const waits: Waits = { intent: 'waits', service, allServices: false };
      return askBack(
        'Do you mean the waiting times for that service? Outcome scores are kept by outcome, not by service.',
        [waits, previous],
        services,
      );
    }
    if (otherIntent || ownMeasure) return fresh;
    // "which outcome is lowest", "outcome scores", "how are we doing on voice": a question of its own.
    const namesOutcomes = outcome.kind !== 'none' || tokens.some((t) => t === 'outcome' || t === 'outcomes');
    const asksAfresh = tagged(a, 'intent').some((t) => t.tag.weight >= 3);
    if ((namesOutcomes || asksAfresh) && !cued) return fresh;
    const rank = tagged(a, 'rank')[0]?.tag.rank ?? tagged(analyse(tokens, RANK_OF_IT), 'rank')[0]?.tag.rank;
    const perQuestion = has(a, 'perQuestion');
    const period = terms.terms.length === 0 ? readNonTermPeriod(a) : undefined;
    const changes =
      roles.length > 0 || terms.terms.length > 0 || terms.compare !== undefined || !!rank || perQuestion || !!period;
    if (!(outcome.kind === 'one' || changes)) return fresh;
    const next: Scores = { ...previous };
    if (outcome.kind === 'one') next.outcome = outcome.outcome;
    if (roles.length) next.roles = roles;
    const t = termsFor(terms, previous.terms);
    if (t) {
      next.terms = t;
      delete next.period;
    }
    if (period) {
      next.terms = [{ kind: 'current' }];
      next.period = period;
    }
    if (rank) next.rank = rank;
    // Ranked within one outcome ("which question pulls it down?"), its questions are what is ranked.
    if (perQuestion || (rank && next.outcome)) next.perQuestion = true;
    return next;
  }
  if (previous.intent === 'waits') return waitsFollowUp(a, previous, fresh, terms, cued, service, otherIntent);
  if (otherIntent || ownSubject) return fresh;
  // "and in October?", "what about last year?": a month or a year for a termly figure.
  const period = terms.terms.length === 0 ? readNonTermPeriod(a) : undefined;
  if (previous.intent === 'responseRate') {
    if (period) return { intent: 'responseRate', terms: [{ kind: 'current' }], period };
    const t = termsFor(terms, previous.terms);
    return t ? { intent: 'responseRate', terms: t } : fresh;
  }
  if (previous.intent === 'themes' && (roles.length > 0 || terms.terms.length > 0 || period)) {
    const next: Themes = { ...previous };
    if (roles.length) next.roles = roles;
    if (terms.terms.length) {
      next.terms = terms.terms.slice(0, 1);
      delete next.period;
    }
    if (period) {
      next.terms = [];
      next.period = period;
    }
    return next;
  }
  return fresh;
}

/** A cue where a follow-up says it: at the start, or "instead" / "only" at the end. */
function cuedAsFollowUp(tokens: string[]): boolean {
  const words = tokens.filter((t) => /[a-z0-9]/.test(t));
  return analyse(words, cueLexicon).matches.some(
    (m) => m.start === 0 || (m.end === words.length && ['instead', 'only'].includes(words[m.start]!)),
  );
}

/**
 * After a measure: "what about last term?", "and in 2024-25?" (the same measure for that period); "and for SEN
 * support?" after attendance (EHCP): its sibling measure, for the same period; "compared with a year ago?":
 * the same measure again, whose answer carries both comparisons.
 */
function measureFollowUp(
  a: Analysis,
  previous: Measure,
  terms: ReturnType<typeof readTerms>,
  services: readonly ServiceVocab[],
  measures: readonly MeasureVocab[],
  fresh: Understanding,
): Understanding {
  const sibling = siblingMeasure(a, previous.measure!, measures);
  if (sibling === null) return fresh;
  // "and against national?", "how does that compare with neighbours?": the same measure, that comparison leading.
  const comparator = readComparator(a);
  const base: Measure = sibling ? { ...previous, measure: sibling.id, name: sibling.name } : previous;
  const same: Measure = comparator ? { ...base, comparator } : base;
  const period = readPeriod(a);
  if (period.kind === 'one') return { ...same, period: period.ask };
  if (period.kind === 'calendarYear')
    return askBack(
      'Which academic year do you mean?',
      academicYearsAround(period.year).map((academicYear) => ({
        ...same,
        period: { kind: 'year' as const, academicYear },
      })),
      services,
    );
  if (sibling || comparator || terms.compare !== undefined) return same;
  return fresh;
}

/**
 * After waits: "and for autism?" keeps the comparison asked before ("since September"); "compared with last
 * term?" keeps the service; "which service got worse?" keeps the comparison for every service.
 */
function waitsFollowUp(
  a: Analysis,
  previous: Waits,
  fresh: Understanding,
  terms: ReturnType<typeof readTerms>,
  cued: boolean,
  service: string | undefined,
  otherIntent: boolean,
): Understanding {
  if (otherIntent || has(a, 'measureTopic') || readOutcome(a).kind !== 'none') return fresh;
  // Another service is the same question for it: the period or the comparison asked before is kept.
  const kept = previous.period ? { period: previous.period } : previous.change ? { change: previous.change } : {};
  if (service !== undefined)
    return cued || fresh.intent !== 'waits' ? { intent: 'waits', service, allServices: false, ...kept } : fresh;
  const { change: _change, period: _period, ...rest } = previous;
  // "and in the spring term?", "what about last month": the list as it stood then, not a comparison.
  const period = readWaitsPeriod(a);
  if (period.kind === 'one' && !has(a, 'allServices')) return { ...rest, period: period.ask };
  // "and this term?" after a period: the latest list.
  const now = readPeriod(a);
  if (previous.period && now.kind === 'one' && now.ask.kind === 'relative' && now.ask.which === 'current') return rest;
  const change = readWaitsChange(a, terms);
  if (has(a, 'allServices')) {
    // Only a comparison without its baseline ("got worse") takes the one asked before.
    const baseline = change && change.kind !== 'trend' ? change : terms.compare ? previous.change : undefined;
    return fresh.intent === 'waits' && baseline ? { ...fresh, change: baseline } : fresh;
  }
  if (change) return { ...rest, change };
  return fresh;
}

/** The terms a follow-up asks for: a term named, or a comparison with the term(s) asked before. */
function termsFor(t: ReturnType<typeof readTerms>, before: readonly TermRef[]): TermRef[] | undefined {
  const base = before[0] ?? { kind: 'current' };
  if (t.terms.length === 2) return t.terms;
  if (t.compare && t.terms.length === 1) return [base, t.terms[0]!];
  if (t.compare) return [base, { kind: 'previous' }];
  if (t.terms.length === 1) return [t.terms[0]!];
  return undefined;
}

/**
 * A qualifier said after a measure ("SEN support" after attendance of pupils with an EHC plan): the one
 * measure sharing its topic that the qualifier fits; undefined when none is said (or it fits the measure
 * already); null when it fits none or several, so the message is read on its own rather than guessed.
 */
function siblingMeasure(
  a: Analysis,
  current: string,
  measures: readonly MeasureVocab[],
): MeasureVocab | undefined | null {
  const ids = new Set(tagged(a, 'measureQualifier').flatMap((q) => q.tag.ids));
  if (ids.size === 0 || ids.has(current)) return undefined;
  const topics = measures.find((m) => m.id === current)?.topics ?? [];
  const fits = measures.filter((m) => ids.has(m.id) && m.topics.some((t) => topics.includes(t)));
  return fits.length === 1 ? fits[0]! : null;
}
