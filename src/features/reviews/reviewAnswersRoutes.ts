import { z } from 'zod';
import type { ReviewAnswersService } from './reviewAnswersService.js';
import { renderCard } from '../../cards/renderCard.js';
import { presentReviewAnswers, presentReviewWords, REVIEW_REFUSAL } from './reviewAnswersPresenter.js';
import { longDateTime } from '../../cards/format.js';
import { intentRoute } from '../../routing/route.js';

const WHICH = 'Which review? Type for example "answers for AR-1042".';
const ONLY_IN_PRIVATE =
  "I show a review's answers only in your own 1:1 chat with me, never in a channel or group chat where others can read them.";

/**
 * "answers for AR-1042": the review's own answers for its practitioner (and administrators). Not behind
 * a role check of the router: a family, a manager and another practitioner must all get the one refusal,
 * for a real review and a made-up one alike, so nobody learns whether a review exists.
 */
export const reviewAnswersRoute = (reviews: ReviewAnswersService) =>
  intentRoute({
    intent: 'reviewAnswers',
    requires: 'anyone',
    refusal: REVIEW_REFUSAL,
    input: z.object({ intent: z.literal('reviewAnswers'), reviewRef: z.string().max(200).optional() }),
    handle: async (turn, { reviewRef }) => {
      if (!reviewRef) {
        await turn.send({ text: WHICH });
        return;
      }
      // A family's words are never posted where others can read them: a team channel or a group chat.
      if (turn.conversationType !== 'personal') {
        await turn.send({ text: ONLY_IN_PRIVATE });
        return;
      }
      const roles = await turn.roles();
      const staff = roles.length > 0 && turn.userId !== undefined;
      const result = staff
        ? await reviews.view(reviewRef, { userId: turn.userId!, isAdmin: roles.includes('admin') }, 'chat')
        : ({ kind: 'refused' } as const);
      if (result.kind === 'refused') {
        await turn.send({ text: REVIEW_REFUSAL });
        return;
      }
      await turn.send({
        text: `Review ${result.answers.reviewRef}: the family's answers.`,
        card: renderCard('reviewAnswers', presentReviewAnswers(result.answers, result.printUrl)),
      });
      for (const words of presentReviewWords(result.answers))
        await turn.send({ text: words.title, card: renderCard('reviewWords', words) });
    },
  });

/** "who viewed AR-1042": every recorded view of the review's answers, newest first. Administrators. */
export const whoViewedRoute = (reviews: ReviewAnswersService) =>
  intentRoute({
    intent: 'whoViewed',
    requires: 'administer',
    refusal: "Sorry, only administrators can see who has viewed a review's answers.",
    input: z.object({ intent: z.literal('whoViewed'), reviewRef: z.string().max(200).optional() }),
    handle: async (turn, { reviewRef }) => {
      if (!reviewRef) {
        await turn.send({ text: 'Which review? Type for example "who viewed AR-1042".' });
        return;
      }
      const result = await reviews.viewsOf(reviewRef);
      if (result.kind === 'badRef') {
        await turn.send({ text: result.message });
        return;
      }
      if (result.views.length === 0) {
        await turn.send({ text: `Nobody has viewed the answers for review ${result.reviewRef}.` });
        return;
      }
      const lines = result.views.map(
        (v) => `- ${longDateTime(v.at)}: ${v.viewerName} (${v.how === 'print' ? 'printable page' : 'in chat'})`,
      );
      await turn.send({
        text: `Who has viewed the answers for review ${result.reviewRef} (${result.views.length}), newest first:\n\n${lines.join('\n')}`,
      });
    },
  });
