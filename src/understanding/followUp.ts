import { analyse, has, tagged, type Analysis } from './analysis.js';
import { askBack } from './clarify.js';
import { entries, type Entry } from './lexicon.js';
import { compileLexicon } from './matcher.js';
import { normalise } from './normalise.js';
import { readOutcome } from './outcomeSlot.js';
import { academicYearsAround, readPeriod } from './periodSlot.js';
import { readRoles } from './roleSlot.js';
import { readTerms } from './termSlot.js';
import type { MeasureVocab, ServiceVocab, TermRef, Understanding } from './types.js';
import { lexiconFor } from './vocabulary.js';
import { readWaitsChange } from './waitsSlot.js';

/** How long a question stays the one a short follow-up is read against. */
export const FOLLOW_UP_MINUTES = 30;

/** Words that say "the same question, but…": "what about", "and for", "just", "only". */
const CUES: Entry[] = entries(
  'what about | how about | and for | and what about | and | same for | same again for | what was it | how was it | just | only | instead | now for',
  { kind: 'ignore' },
);
const cueLexicon = compileLexicon(CUES);

type Scores = Extract<Understanding, { intent: 'scores' }>;
type Waits = Extract<Understanding, { intent: 'waits' }>;
type Measure = Extract<Understanding, { intent: 'measure' }>;

/**
 * Reads a later message against the question before it in the same conversation. `fresh` is what the
 * message means alone. A message that only changes the term, the respondents, the outcome, the service or
 * the comparison ("what about last term?", "just parent carers", "and for autism?") is the previous
 * question with that change. A change of subject that could be either ("and for autism?" after outcome
 * scores: autism is a waiting list, not an outcome) is asked back. Anything else stands on its own.
 */
export function readFollowUp(
  text: string,
  fresh: Understanding,
  previous: Understanding,
  services: readonly ServiceVocab[],
  measures: readonly MeasureVocab[] = [],
): Understanding {
  // A full question of its own (or an exact command) needs no earlier one.
  if (!['unknown', 'scores', 'waits', 'responseRate', 'clarify', 'help'].includes(fresh.intent)) return fresh;
  const { tokens } = normalise(text);
  const a = analyse(tokens, lexiconFor(services, measures));
  const cued = analyse(tokens, cueLexicon).matches.length > 0;
  const outcome = readOutcome(a);
  const roles = readRoles(a);
  const terms = readTerms(a);
  const service = tagged(a, 'service')[0]?.tag.id;
  const ownSubject =
    outcome.kind !== 'none' || service !== undefined || has(a, 'measureTopic') || has(a, 'allMeasures');
  const changesOnly = roles.length > 0 || terms.terms.length > 0 || terms.compare !== undefined;
  // A long message that names its own subject is a new question.
  if (tokens.length > 8 && ownSubject) return fresh;

  // The message asks a question of its own ("scores", "waiting list", "response rate"), not a change to one.
  const asksAfresh = tagged(a, 'intent').some((t) => t.tag.weight >= 3) || has(a, 'waitAnchor');

  // "what about last term?", "and in 2024-25?" after a measure: the same measure for that period;
  // "and for SEN support?" after attendance (EHCP): its sibling measure.
  if (previous.intent === 'measure' && previous.measure && !ownSubject && (cued || !asksAfresh)) {
    const sibling = siblingMeasure(a, previous.measure, measures);
    if (sibling === null) return fresh;
    const same: Measure = sibling ? { ...previous, measure: sibling.id, name: sibling.name } : previous;
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
    if (sibling) return same;
  }
  if (previous.intent === 'scores') {
    if (service !== undefined && outcome.kind === 'none') {
      if (asksAfresh && !cued) return fresh;
      // "and for autism?" after scores: a waiting list, or something else? Ask rather than jump.
      const waits: Waits = { intent: 'waits', service, allServices: false };
      return askBack(
        'Do you mean the waiting times for that service? Outcome scores are kept by outcome, not by service.',
        [waits, previous],
        services,
      );
    }
    if (ownSubject && !cued) return fresh;
    if ((cued || !asksAfresh) && (outcome.kind === 'one' || changesOnly)) {
      const next: Scores = { ...previous };
      if (outcome.kind === 'one') next.outcome = outcome.outcome;
      if (roles.length) next.roles = roles;
      const t = termsFor(terms, previous.terms);
      if (t) next.terms = t;
      return next;
    }
    return fresh;
  }
  if (previous.intent === 'waits') {
    // "and for autism?" keeps the comparison asked before ("since September"); "compared with last term?"
    // keeps the service.
    const kept = previous.change ? { change: previous.change } : {};
    if (service !== undefined && (cued || fresh.intent !== 'waits'))
      return { intent: 'waits', service, allServices: false, ...kept };
    const change = readWaitsChange(a, terms);
    if (change && service === undefined && outcome.kind === 'none' && !has(a, 'measureTopic'))
      return { ...previous, change };
    return fresh;
  }
  if (previous.intent === 'responseRate' && changesOnly && !ownSubject) {
    const t = termsFor(terms, previous.terms);
    return t ? { intent: 'responseRate', terms: t } : fresh;
  }
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
