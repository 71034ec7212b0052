import { analyse, has, tagged } from './analysis.js';
import { askBack } from './clarify.js';
import { entries, type Entry } from './lexicon.js';
import { compileLexicon } from './matcher.js';
import { normalise } from './normalise.js';
import { readOutcome } from './outcomeSlot.js';
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
