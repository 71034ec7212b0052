import type { Disclosed } from '../../../domain/disclosure/disclosure.js';
import { isRated } from '../../../domain/targets/targetProvenance.js';
import { ragOf, type Rag } from '../../waits/domain/statistics.js';
import type { Term } from '../../../domain/terms/termCalendar.js';
import type { SurveyTarget } from './measureCatalogue.js';

/** One survey question's % positive in a term, as the scores give it (already through disclosure control). */
export type QuestionShare = { id: string; text: string; positive: Disclosed; respondents: number };

export type RatedQuestion = {
  id: string;
  text: string;
  /** % positive this term; absent when nobody answered it. */
  now?: Disclosed;
  /** The same term a year before (yearly-increase targets). */
  yearBefore?: Disclosed;
  /** Relative change on a year before (0.15 = 15% more), when both are shown and the year before is not 0. */
  change?: number;
  rag: Rag | null;
  /** Why it is not rated, in words, when it is not. */
  unrated?: string;
};

export type SurveyTargetRating = {
  target: SurveyTarget;
  /** Per question asked (cyp and pc questions apart: two groups of people are never pooled). */
  questions: RatedQuestion[];
  /** The worst of the questions' ratings; null when none is rated or no question asks it. */
  rag: Rag | null;
};

/** Every survey target rated: this term, and the same term a year before for yearly increases. */
export type SurveyTargetsPicture = {
  term?: Term;
  yearBefore?: Term;
  ratings: SurveyTargetRating[];
};

const WORST: Rag[] = ['red', 'amber', 'green'];

/**
 * Rates a target seed 001 sets on what families report against the survey question(s) that ask it:
 * - level (at least 70%): each question's % positive against the share, green at or above it, amber within
 *   5 points below (as every share target is rated), red further below;
 * - yearlyIncrease (15% more each year): each question's % positive against the same term a year before,
 *   green when it rose by at least the increase (relative), amber when it rose by less, red when it did not
 *   rise; not rated without a shown figure a year before.
 * A target with no question is not rated (it says which question it needs). Only a figure that passed
 * disclosure control is rated.
 */
export function rateSurveyTarget(
  target: SurveyTarget,
  now: (questionId: string) => QuestionShare | undefined,
  yearBefore: (questionId: string) => QuestionShare | undefined,
): SurveyTargetRating {
  const rated = isRated(target.provenance);
  const questions = target.questions.map((id): RatedQuestion => {
    const n = now(id);
    const y = yearBefore(id);
    const base = { id, text: n?.text ?? y?.text ?? id };
    const nowShown = n && n.respondents > 0 ? n.positive : undefined;
    if (!nowShown) return { ...base, rag: null, unrated: 'no answers this term' };
    if (!nowShown.shown) return { ...base, now: nowShown, rag: null, unrated: 'fewer than 5 answers' };
    if (!rated) return { ...base, now: nowShown, rag: null, unrated: 'the target is not set by the sources' };
    if (target.kind === 'level') return { ...base, now: nowShown, rag: ragOf(nowShown.value, target.share!) };
    const then = y && y.respondents > 0 ? y.positive : undefined;
    if (!then) return { ...base, now: nowShown, rag: null, unrated: 'no answers the same term a year before' };
    if (!then.shown)
      return { ...base, now: nowShown, yearBefore: then, rag: null, unrated: 'fewer than 5 answers a year before' };
    if (then.value === 0)
      return { ...base, now: nowShown, yearBefore: then, rag: nowShown.value > 0 ? 'green' : 'red' };
    const change = nowShown.value / then.value - 1;
    const rag: Rag = change >= target.increase! - 1e-9 ? 'green' : change > 1e-9 ? 'amber' : 'red';
    return { ...base, now: nowShown, yearBefore: then, change, rag };
  });
  const rags = questions.map((q) => q.rag).filter((r): r is Rag => r !== null);
  return { target, questions, rag: WORST.find((w) => rags.includes(w)) ?? null };
}
