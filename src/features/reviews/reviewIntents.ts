import type { CapabilityIntent } from '../../routing/route.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entries, intent } from '../../understanding/lexicon.js';
import type { ReviewAnswersService } from './reviewAnswersService.js';
import { reviewAnswersRoute, whoViewedRoute } from './reviewAnswersRoutes.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "answers for AR-1042": one review's own answers, for its practitioner. */
    reviewAnswers: { reviewRef?: string };
    /** "who viewed AR-1042": the record of who saw a review's answers (administrators). */
    whoViewed: { reviewRef?: string };
  }
}

type Deps = { reviews: ReviewAnswersService };
const ref = (reviewRef: string | undefined) => (reviewRef ? { reviewRef } : {});

export const whoViewedIntent = {
  reader: intentReader({
    intent: 'whoViewed',
    before: 'responseRate',
    vocabulary: entries(
      'who viewed | who has viewed | who has seen | who saw | who looked at | who has looked at | who accessed | who has accessed | who opened | viewing log | access log | views of | ' +
        // Staff's own words: "has anyone opened AR-1234" is not an invitation for it; "who's" reads as "who is".
        'has anyone opened | anyone opened | has anyone looked at | anyone looked at | anyone else looked at | anybody else looked at | anyone else seen | anyone else viewed | anyone else opened | anybody looked at | has anyone viewed | anyone viewed | has anyone seen | ' +
        'has anyone accessed | who is looked at | who is seen | who is viewed | who is opened | who has opened | who has been into | ' +
        'opened by | viewed by | looked at by | seen by | accessed by | ' +
        // "which staff have opened AR-3141", "did anyone view the responses for AR-2718".
        'which staff have opened | staff have opened | which staff opened | which staff have viewed | which staff viewed | which staff have seen | ' +
        'did anyone view | did anyone open | did anyone look at | did anyone see | did anybody view | did anybody open',
      intent('whoViewed', 6),
    ),
    build: (s) => ({ intent: 'whoViewed', ...ref(s.reviewRef) }),
    command: (u) => `who viewed ${u.reviewRef ?? 'review'}`,
  }),
  route: (d: Deps) => whoViewedRoute(d.reviews),
} satisfies CapabilityIntent<'whoViewed', Deps>;

export const reviewAnswersIntent = {
  reader: intentReader({
    intent: 'reviewAnswers',
    before: 'responseRate',
    vocabulary: [
      ...entries(
        "answers for | the answers for | answers to | responses for | what did the family say | what the family said | family's answers | families answers | " +
          'review answers | survey answers | their answers | show the answers | see the answers | what did they say | what they wrote | what did they write | own words | ' +
          // "what did the family put for AR-…": what a family put down is what they answered.
          'what did the family put | what the family put | what did they put | what they put | what did the parents put | what did the parent put | what did the child put | what did the young person put | what was put',
        intent('reviewAnswers', 4),
      ),
      ...entries('wrote | write | written | writing', intent('reviewAnswers', 3)),
    ],
    build: (s) => ({ intent: 'reviewAnswers', ...ref(s.reviewRef) }),
    command: (u) => `answers for ${u.reviewRef ?? 'review'}`,
  }),
  route: (d: Deps) => reviewAnswersRoute(d.reviews),
} satisfies CapabilityIntent<'reviewAnswers', Deps>;
