import { analyse, type Analysis } from './analysis.js';
import type { AnyIntentReader } from './intentReader.js';
import { buildResponseRate, buildScores, buildWaits, type Slots } from './builders.js';
import { whichQuestion } from './clarify.js';
import { rankIntents, THRESHOLD, type RankedIntent } from './intentClassifier.js';
import type { ScoredIntent } from './lexicon.js';
import { normalise } from './normalise.js';
import { readOutcome } from './outcomeSlot.js';
import { readReviewRef } from './reviewRefSlot.js';
import { readRoles } from './roleSlot.js';
import { readTerms } from './termSlot.js';
import type { MeasureVocab, QuestionVocab, ServiceVocab, Understanding } from './types.js';
import { readQuestion } from './questionSlot.js';
import { readBreakdown } from './breakdownSlot.js';
import { lexiconFor } from './vocabulary.js';
import { readWaits, readWaitsChange } from './waitsSlot.js';
import { readSmallTalk } from './smallTalk.js';
import { asksOffTarget, asksOverall, namesAllMeasures, readComparator, readMeasure } from './measureSlot.js';
import { academicYearsAround, readPeriod, readWaitsPeriod } from './periodSlot.js';
import { has } from './analysis.js';
import { askBack } from './clarify.js';
import { COMMON_WORDS, STOPWORDS } from './wordLists.js';

export type {
  MeasureVocab,
  OutcomeId,
  QuestionVocab,
  Rank,
  RespondentRole,
  Season,
  ServiceVocab,
  TermRef,
  Understanding,
} from './types.js';

/**
 * What a practitioner, manager or admin means by a chat message. Pure and deterministic: the same
 * text and catalogue always give the same answer, and nothing is remembered between calls (beyond a
 * cache of the compiled vocabulary). It never throws; text it cannot place is 'unknown'.
 *
 * Services come only from `services` (the catalogue), so a new service needs no code change; survey
 * questions only from `questions` (the bank), so a new edition of the framework needs none either.
 */
export function understand(
  text: string,
  services: readonly ServiceVocab[],
  measures: readonly MeasureVocab[] = [],
  readers: readonly AnyIntentReader[] = [],
  questions: readonly QuestionVocab[] = [],
): Understanding {
  const said = typeof text === 'string' ? text : '';
  const read = understandText(said, services, measures, readers, questions);
  const breakdown = readBreakdown(said);
  // Figures are held for the whole area only: a breakdown asked for is carried, so the answer says its scope.
  if (breakdown && FIGURES.has(read.intent)) return { ...read, breakdown } as Understanding;
  return read;
}

const FIGURES: ReadonlySet<string> = new Set(['scores', 'responseRate', 'waits', 'measure']);

function understandText(
  text: string,
  services: readonly ServiceVocab[],
  measures: readonly MeasureVocab[],
  readers: readonly AnyIntentReader[],
  questions: readonly QuestionVocab[],
): Understanding {
  const { tokens, blank } = normalise(text);
  // "?", "" or a bare @mention: the person is addressing the bot without a question yet.
  if (blank) return { intent: 'help' };
  // Invitation codes are read before this is called (readMessage); one that slips through is not a question.
  if (looksLikeInvitationCode(tokens)) return { intent: 'unknown', reason: 'unclear' };
  const smallTalk = readSmallTalk(tokens);
  if (smallTalk) return { intent: 'smallTalk', say: smallTalk };

  const analysis = analyse(tokens, lexiconFor(services, measures, readers));
  const roles = readRoles(analysis);
  // A ranking asks about every question, not one named.
  const question = has(analysis, 'rank') ? { kind: 'none' as const } : readQuestion(text, questions, roles);
  const slots: Slots = {
    analysis,
    outcome: readOutcome(analysis),
    roles,
    question,
    terms: readTerms(analysis),
    reviewRef: readReviewRef(analysis),
    services,
  };
  // "how is Support doing overall": the outcome's survey scores and its framework measures together.
  // Only for now: "how is Support doing overall last year?" is its scores for that period (said so), never
  // this term's overview in its place.
  if (asksOverall(analysis) && slots.outcome.kind === 'one' && !has(analysis, 'measureTopic') && forNow(slots))
    return { intent: 'outcomeOverview', outcome: slots.outcome.outcome };
  // "EHCP" alone: a SEND word (the plan) as much as the name of a waiting list (its assessment). Ask.
  const bare = bareDomainService(analysis);
  if (bare)
    return askBack(
      'Do you mean its waiting times, or the framework measures (EHC plans and more)?',
      [
        { intent: 'waits', service: bare, allServices: false },
        { intent: 'measure', offTarget: false },
      ],
      services,
    );
  const ranked = rankIntents(
    analysis,
    {
      outcomeStrength: slots.outcome.kind === 'none' ? 0 : slots.outcome.strength,
      hasRoles: slots.roles.length > 0,
      hasTerms: slots.terms.terms.length > 0,
      hasReviewRef: slots.reviewRef !== undefined,
      // A survey question named by its words is a scores question, as strongly as an outcome's name.
      questionStrength: question.kind === 'none' ? 0 : 3,
      tokens: analysis.tokens,
    },
    readers,
  );
  const [top, second] = ranked;
  if (!top || top.score < THRESHOLD || top.intent === 'outOfScope' || top.intent === 'help')
    return fallback(analysis, ranked);
  if (second && isTwoQuestions(top, second) && !waitsOnlyQualifiesMeasure(analysis, top, second))
    return whichQuestion(
      [build(top.intent, slots, measures, readers), build(second.intent, slots, measures, readers)],
      services,
    );
  return build(top.intent, slots, measures, readers);
}

function build(
  intent: ScoredIntent,
  s: Slots,
  measures: readonly MeasureVocab[],
  readers: readonly AnyIntentReader[],
): Understanding {
  // A capability's own intent is built by its own reader.
  const reader = readers.find((r) => r.intent === intent);
  if (reader) return reader.build(s);
  switch (intent) {
    case 'measure':
      return buildMeasure(s, measures);
    case 'scores':
      return buildScores(s);
    case 'responseRate':
      return buildResponseRate(s);
    case 'waits':
      return buildWaitsAsked(s);
    case 'help':
      return { intent: 'help' };
    case 'outOfScope':
      return { intent: 'unknown', reason: 'out-of-scope' };
    default:
      // Not scored by the classifier (read from exact forms, or a capability's intent without its reader).
      return { intent: 'unknown', reason: 'unclear' };
  }
}

/**
 * "exclusions for children with an EHCP", "which measures are off target": the words that also point at
 * waiting times ("EHCP" names the EHC needs assessment service; "off target") only qualify the measure.
 * Waiting times are a second question only with their own evidence: a wait word, or a service named
 * other than as a measure's qualifier.
 */
function waitsOnlyQualifiesMeasure(a: Analysis, top: RankedIntent, second: RankedIntent): boolean {
  const pair = new Set([top.intent, second.intent]);
  if (!pair.has('measure') || !pair.has('waits')) return false;
  if (!has(a, 'measureTopic') && !has(a, 'allMeasures')) return false;
  if (has(a, 'waitAnchor')) return false;
  const ownService = a.matches.some(
    (m) => m.tags.some((t) => t.kind === 'service') && !m.tags.some((t) => t.kind === 'measureQualifier'),
  );
  return !ownService;
}

/** Whether a message asks about now (no period, or "this term"): read only when an overview is in question. */
function forNow(s: Slots): boolean {
  if (!s.terms.terms.every((t) => t.kind === 'current')) return false;
  const asked = readPeriod(s.analysis);
  return (
    asked.kind === 'none' || (asked.kind === 'one' && asked.ask.kind === 'relative' && asked.ask.which === 'current')
  );
}

/** A waiting list now, as it stood at the end of a period asked, or compared over time. */
function buildWaitsAsked(s: Slots): Understanding {
  const period = readWaitsPeriod(s.analysis);
  const waits = readWaits(s.analysis);
  if (period.kind === 'calendarYear' && waits.kind !== 'unknown' && waits.kind !== 'generic')
    return askBack(
      'Which academic year do you mean?',
      academicYearsAround(period.year).map((academicYear) =>
        buildWaits(waits, s.services, undefined, { kind: 'year', academicYear }),
      ),
      s.services,
    );
  if (period.kind === 'one') return buildWaits(waits, s.services, undefined, period.ask);
  return buildWaits(waits, s.services, readWaitsChange(s.analysis, s.terms));
}

/** One measure, several to choose between (asked), or the whole catalogue (those off target first). */
function buildMeasure(s: Slots, measures: readonly MeasureVocab[]): Understanding {
  const reading = readMeasure(s.analysis);
  const period = readPeriod(s.analysis);
  const asksComparator = readComparator(s.analysis);
  const comparator = asksComparator ? { comparator: asksComparator } : {};
  const named = (id: string, asked = period.kind === 'one' ? period.ask : undefined): Understanding => ({
    intent: 'measure',
    measure: id,
    name: measures.find((m) => m.id === id)?.name ?? id,
    offTarget: false,
    ...(asked ? { period: asked } : {}),
    ...comparator,
  });
  // "appeals in 2025": the academic year that ends in it, or the one that starts? Asked, not guessed.
  if (reading.kind === 'one' && period.kind === 'calendarYear')
    return askBack(
      'Which academic year do you mean?',
      academicYearsAround(period.year).map((academicYear) => named(reading.id, { kind: 'year', academicYear })),
      s.services,
    );
  if (reading.kind === 'one') return named(reading.id);
  if (reading.kind === 'ambiguous')
    return askBack(
      'Which of these do you mean?',
      reading.ids.map((id) => named(id)),
      s.services,
    );
  // Only a broad topic ("how many EHCPs do we maintain"): no measure held is that; never another's figures.
  if (!namesAllMeasures(s.analysis) && !asksOffTarget(s.analysis)) return { intent: 'unknown', reason: 'unclear' };
  // The table shows each measure's latest period; a period asked is carried so the answer says so first.
  const all = period.kind === 'one' ? { period: period.ask } : {};
  return { intent: 'measure', offTarget: asksOffTarget(s.analysis), ...all };
}

// Questions answered with figures; two of them asked at once, with near-equal evidence, are split.
const QUESTIONS: ReadonlySet<ScoredIntent> = new Set(['scores', 'waits', 'responseRate', 'measure']);

function isTwoQuestions(top: RankedIntent, second: RankedIntent): boolean {
  return (
    QUESTIONS.has(top.intent) && QUESTIONS.has(second.intent) && second.score >= 3 && second.score >= top.score - 1
  );
}

/**
 * No intent has enough evidence. A greeting or "help" gets help; a known off-topic subject ("weather")
 * or a plain English question with none of our words is out of scope; anything else (SEND words with
 * no clear question, gibberish, a stray code) is unclear, so it is logged for an admin to teach.
 */
function fallback(a: Analysis, ranked: RankedIntent[]): Understanding {
  const scoreOf = (i: ScoredIntent): number => ranked.find((r) => r.intent === i)?.score ?? 0;
  if (scoreOf('outOfScope') > 0) {
    const strongerThanOffTopic = ranked.some(
      (r) => r.intent !== 'outOfScope' && r.intent !== 'help' && r.score >= THRESHOLD,
    );
    if (!strongerThanOffTopic) return { intent: 'unknown', reason: 'out-of-scope' };
  }
  if (scoreOf('help') > 0) return { intent: 'help' };
  const recognised = a.matches.some((m) => m.tags.some((t) => t.kind !== 'ignore'));
  if (recognised) return { intent: 'unknown', reason: 'unclear' };
  const words = a.tokens.filter((t) => /^[a-z]{2,}$/.test(t));
  const english = words.filter((t) => COMMON_WORDS.has(t) || STOPWORDS.has(t)).length;
  return words.length >= 2 && english * 2 >= words.length
    ? { intent: 'unknown', reason: 'out-of-scope' }
    : { intent: 'unknown', reason: 'unclear' };
}

/** Same rule as the invitation code reader: 8–12 symbols from the look-alike-free alphabet, letters and digits. */
function looksLikeInvitationCode(tokens: readonly string[]): boolean {
  if (tokens.length > 4) return false;
  const compact = tokens.join('').toUpperCase();
  return /^[A-HJKMNP-Z2-9]{8,12}$/.test(compact) && /\d/.test(compact) && /[A-Z]/.test(compact);
}

/** The service a message names with one SEND word and nothing else ("EHCP"), if that is all it is. */
function bareDomainService(a: Analysis): string | undefined {
  const words = a.tokens.filter((t) => /[a-z0-9]/.test(t) && !STOPWORDS.has(t));
  const [only] = a.matches;
  if (a.matches.length !== 1 || !only || only.end - only.start !== words.length) return undefined;
  if (!only.tags.some((t) => t.kind === 'domain')) return undefined;
  const service = only.tags.find((t) => t.kind === 'service');
  return service?.kind === 'service' ? service.id : undefined;
}
