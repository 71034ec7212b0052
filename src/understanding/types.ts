/**
 * What `understand` returns: the intent of a practitioner's, manager's or admin's message and the
 * slots the handlers need. Plain data, no Teams, so the handlers and tests can build it by hand.
 */
import { OUTCOME_IDS, RESPONDENT_ROLES, type OutcomeId, type RespondentRole } from '../domain/survey/questionBank.js';
import type { Season, TermRef } from '../domain/terms/termRef.js';
import type { PeriodAsk } from './periodAsk.js';

export type { OutcomeId, PeriodAsk, RespondentRole, Season, TermRef };
export type ServiceVocab = { id: string; name: string; shortName?: string; aliases: string[] };
/** A framework measure as the understanding needs it: the words for its subject and what tells it apart. */
export type MeasureVocab = {
  id: string;
  name: string;
  topics: string[];
  qualifiers: string[];
  /** Topics that name the measure only beside one of its qualifiers. */
  broadTopics?: string[];
};
/** A scored survey question as the understanding needs it: its id (`safe.cyp.3`) and the framework's wording. */
export type QuestionVocab = { id: string; text: string; outcome: OutcomeId; role: RespondentRole };
/**
 * A breakdown asked for that no figures are held by ("by school", "by ethnicity"): the figures are for the
 * whole area, and the answer says so first.
 */
export const BREAKDOWNS = ['school', 'ethnicity', 'gender', 'age', 'locality', 'need'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export type Rank = 'lowest' | 'highest';
export type SmallTalk = 'thanks' | 'ack' | 'bye';
export type WaitsChangeRef =
  { kind: 'sinceMonth'; month: number } | { kind: 'sinceTerm'; term: TermRef } | { kind: 'trend' };

/**
 * Every intent's shape, by name: what `understand` returns is one of these with its `intent` name.
 * A capability adds its own intent from its own folder by augmenting this interface
 * (`declare module '…/understanding/types.js' { interface IntentShapes { myIntent: {…} } }`) and declaring
 * its reader and route in `src/routing/routes.ts`; the route table is typed over these names, so an intent
 * without a route does not compile.
 */
export interface IntentShapes {
  help: object;
  /** A family's invitation code (anyone may type one). */
  surveyCode: { code: string };
  scores: {
    outcome?: OutcomeId;
    roles: RespondentRole[];
    terms: TermRef[];
    rank?: Rank;
    perQuestion: boolean;
    /** One survey question, named by its words (its outcome and role are set with it). */
    question?: string;
    breakdown?: Breakdown;
    /**
     * A period asked for that is not a term ("in October", "last month", "2024-25", "last year"): the term that
     * answers it is settled where the figures are (the term a month is in; a year's latest term held), and the
     * answer says so. A term asked stays in `terms`.
     */
    period?: PeriodAsk;
  };
  responseRate: { terms: TermRef[]; breakdown?: Breakdown; period?: PeriodAsk };
  waits: {
    service?: string;
    unknownService?: string;
    allServices: boolean;
    /** "changed since September", "compared with last term", "trend": a comparison of extracts. */
    change?: WaitsChangeRef;
    breakdown?: Breakdown;
    /** "SALT waits at the end of October", "last term", "in 2025-26": the list as it stood at that period's end. */
    period?: PeriodAsk;
  };
  /**
   * A framework measure (`measure`), or all of them (`offTarget`: those missing a target, worst first);
   * `period` the one asked for (absent: the latest held).
   */
  measure: {
    measure?: string;
    name?: string;
    offTarget: boolean;
    period?: PeriodAsk;
    breakdown?: Breakdown;
    /** A published comparator asked for ("against national", "compared with neighbours"): the answer leads with it. */
    comparator?: 'england' | 'region' | 'statistical_neighbours';
  };
  /** An outcome's survey scores and its framework measures together. */
  outcomeOverview: { outcome: OutcomeId };
  /** "confirm erase AR-1042": the reference is checked by the handler, which says what is wrong with it. */
  confirmErase: { reviewRef: string };
  deliveryReport: object;
  clarify: { question: string; options: string[]; partial: Understanding };
  /** "thanks", "ok", "bye": a short human reply, not "Sorry, I can't help". */
  smallTalk: { say: SmallTalk };
  unknown: { reason: 'out-of-scope' | 'unclear' };
}

export type IntentName = keyof IntentShapes;
export type Understanding = { [N in IntentName]: { intent: N } & IntentShapes[N] }[IntentName];
export type UnderstandingOf<N extends IntentName> = Extract<Understanding, { intent: N }>;

export const OUTCOMES: readonly OutcomeId[] = OUTCOME_IDS;
export const BOTH_ROLES: readonly RespondentRole[] = RESPONDENT_ROLES;
