import { z } from 'zod';
import type { ErasureService } from './erasureService.js';
import { checkReviewRef } from '../invitations/domain/reviewRef.js';
import { intentRoute } from '../../routing/route.js';

const ADMINS_ONLY = "Sorry, only administrators can erase a review's data.";

/** "erase review AR-1042": says what would go and asks for the exact confirmation. Administrators. */
export const eraseReviewRoute = () =>
  intentRoute({
    intent: 'eraseReview',
    requires: 'administer',
    refusal: ADMINS_ONLY,
    input: z.object({ intent: z.literal('eraseReview'), reviewRef: z.string().max(200).optional() }),
    handle: async (turn, { reviewRef }) => {
      const ref = reviewRef ? checkReviewRef(reviewRef) : undefined;
      if (!ref) {
        await turn.send({ text: 'Which review? Type for example "erase review AR-1042".' });
        return;
      }
      if (!ref.ok) {
        await turn.send({ text: ref.message });
        return;
      }
      await turn.send({
        text: `This permanently deletes every answer, progress record and invitation for review ${ref.reviewRef}, and corrects the scores. It cannot be undone. To go ahead, type "confirm erase ${ref.reviewRef}".`,
      });
    },
  });

/** "confirm erase AR-1042": deletes everything held for the review and corrects the scores. */
export const confirmEraseRoute = (erasure: ErasureService) =>
  intentRoute({
    intent: 'confirmErase',
    requires: 'administer',
    refusal: ADMINS_ONLY,
    input: z.object({ intent: z.literal('confirmErase'), reviewRef: z.string().max(200) }),
    handle: async (turn, { reviewRef }) => {
      const ref = checkReviewRef(reviewRef);
      if (!ref.ok) {
        await turn.send({ text: 'Which review? Type for example "confirm erase AR-1042".' });
        return;
      }
      const report = await erasure.erase(ref.reviewRef);
      await turn.send({
        text:
          report.respondents + report.invitations + report.answers === 0
            ? `Nothing is held for review ${ref.reviewRef}.`
            : `Erased review ${ref.reviewRef}: ${report.answers} answers from ${report.respondents} respondents and ${report.invitations} invitations. The scores have been corrected.`,
      });
    },
  });
