import type { Clock } from '../../domain/clock.js';
import type { CapabilityIntent } from '../../routing/route.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entries, intent } from '../../understanding/lexicon.js';
import type { QuestionLog } from './adminStores.js';
import { eraseReviewRoute } from './eraseReviewRoutes.js';
import { unansweredQuestionsRoute } from './unansweredQuestionsRoute.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "erase AR-1042": the first step of erasing a review's answers (administrators). */
    eraseReview: { reviewRef?: string };
    /** "what couldn't you answer?": the questions the bot did not understand or held nothing for. */
    unansweredQuestions: object;
  }
}

const ERASE_VERBS = ['delete', 'erase', 'remove', 'wipe', 'clear', 'purge', 'get rid of'];
const ANSWERS = ['answers', 'responses', 'survey answers', 'survey responses', 'data'];
const OF = ['', 'the ', 'all ', 'all the ', 'all of the ', 'their ', 'every '];
/** Every erasure verb on every way of naming the answers ("wipe all of the responses"). */
const ERASE_ANSWERS = ERASE_VERBS.flatMap((verb) =>
  OF.flatMap((of) => ANSWERS.map((what) => `${verb} ${of}${what}`)),
).join(' | ');

/** "erase review AR-1042": shown what would go, and asked to confirm by typing the exact command. */
export const eraseReviewIntent = {
  reader: intentReader({
    intent: 'eraseReview',
    // An admin command names itself: on equal evidence it wins over every question.
    before: 'responseRate',
    vocabulary: [
      ...entries('erase | erasure | right to be forgotten | right to erasure', intent('eraseReview', 4)),
      ...entries('delete | remove | wipe | forget | purge', intent('eraseReview', 2)),
      // "delete the answers for AR-1042", "remove all answers for review AR-6123": an erasure verb on the
      // answers is an erasure, whatever else it says (it outweighs "answers for", which shows them).
      ...entries(ERASE_ANSWERS, intent('eraseReview', 6)),
      // Consent withdrawn is the usual reason a family's answers are erased.
      ...entries(
        'withdrawn consent | withdraw consent | withdrew consent | consent withdrawn | consent has been withdrawn | withdrawn their consent | withdrawn from the survey',
        intent('eraseReview', 4),
      ),
    ],
    // A review reference beside an erasure word settles it.
    evidence: (e, scored) => (e.hasReviewRef && scored > 0 ? 1 : 0),
    build: (s) => ({ intent: 'eraseReview', ...(s.reviewRef ? { reviewRef: s.reviewRef } : {}) }),
    command: (u) => (u.reviewRef ? `erase review ${u.reviewRef}` : 'erase review'),
  }),
  route: () => eraseReviewRoute(),
} satisfies CapabilityIntent<'eraseReview', object>;

export const unansweredQuestionsIntent = {
  reader: intentReader({
    intent: 'unansweredQuestions',
    before: 'responseRate',
    vocabulary: entries(
      'unanswered | unanswered questions | could not answer | can not answer | did not answer | not able to answer | unable to answer | not understand | ' +
        'what did people ask | could not help with | could not help | what have people been asking | what are people asking | what people are asking | people been asking | ' +
        'did not understand | could not understand | could not you answer | did not you answer | could not you understand | did not you understand | ' +
        'could you not answer | you could not answer | failed to answer | fail to answer | not been able to answer | failed questions | unknown questions | questions people asked | what people asked | what have people asked | missed questions',
      intent('unansweredQuestions', 4),
    ),
    build: () => ({ intent: 'unansweredQuestions' }),
    command: () => 'unanswered questions',
  }),
  route: (d: { questionLog: QuestionLog; clock: Clock }) => unansweredQuestionsRoute(d.questionLog, d.clock),
} satisfies CapabilityIntent<'unansweredQuestions', { questionLog: QuestionLog; clock: Clock }>;
