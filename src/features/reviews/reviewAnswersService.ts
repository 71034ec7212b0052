import { yearOfArchived } from '../survey/domain/reviewCycles.js';
import { z } from 'zod';
import type { Clock } from '../../domain/clock.js';
import { noStaffNames, type StaffNames } from '../../domain/text/displayNames.js';
import { checkReviewRef } from '../invitations/domain/reviewRef.js';
import { reviewAnswers, type ReviewAnswers } from './domain/reviewAnswers.js';
import { signToken, verifyToken } from '../../domain/security/signedToken.js';
import type { QuestionBank, RespondentRole } from '../../domain/survey/questionBank.js';
import type { Secrets } from '../digests/digestStores.js';
import type { InvitationStore, RespondentRecords } from '../survey/surveyStores.js';
import type { ReviewView, ReviewViewLog } from './reviewStores.js';

/** Who is asking: their Teams user id, and whether they are an administrator. */
export type Viewer = { userId: string; isAdmin: boolean };

/** How long a printable link works: long enough to print before the meeting, not to keep. */
export const PRINT_LINK_MINUTES = 30;

const printClaims = z.object({
  ref: z.string().min(1).max(40),
  by: z.string().min(1).max(200),
  admin: z.boolean(),
  exp: z.number().int().positive(),
});

/**
 * A review's own answers, for its review meeting: shown only to the practitioner who made one of the
 * review's invitations, and to administrators. Anyone else gets the same refusal whether the review exists
 * or not, so asking cannot tell them. Every view (in chat or printed) is recorded: who, which review, when.
 */
export class ReviewAnswersService {
  constructor(
    private readonly bank: QuestionBank,
    private readonly invitations: InvitationStore,
    private readonly respondents: RespondentRecords,
    private readonly views: ReviewViewLog,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly publicBaseUrl: string,
    /** Who viewed is shown by name (the address book's), never by id; the log keeps the ids. */
    private readonly staffNames: StaffNames = noStaffNames,
  ) {}

  /** The answers, recorded as viewed; 'refused' for anyone not allowed and for a review nobody invited. */
  async view(
    reviewRefInput: string,
    viewer: Viewer,
    how: ReviewView['how'],
  ): Promise<{ kind: 'answers'; answers: ReviewAnswers; printUrl: string } | { kind: 'refused' }> {
    const ref = checkReviewRef(reviewRefInput);
    if (!ref.ok) return { kind: 'refused' };
    const invitations = await this.invitations.forReview(ref.reviewRef);
    const allowed =
      invitations.length > 0 && (viewer.isAdmin || invitations.some((i) => i.createdBy === viewer.userId));
    if (!allowed) return { kind: 'refused' };
    const invitedRoles = new Set(invitations.map((i) => i.role));
    const rowsOf = async (role: RespondentRole) =>
      invitedRoles.has(role) ? await this.respondents.answerRows(ref.reviewRef, role) : undefined;
    const [cyp, pc] = await Promise.all([rowsOf('cyp'), rowsOf('pc')]);
    const child = invitedRoles.has('cyp') ? await this.respondents.read(ref.reviewRef, 'cyp') : undefined;
    // Last year's review of the same reference, where there is one (see respondents/reviewCycles.ts).
    const lastArchived = (await this.respondents.archivedRefs(ref.reviewRef)).at(-1);
    const previous = lastArchived
      ? {
          year: yearOfArchived(lastArchived)!,
          rows: {
            cyp: await this.archivedRows(lastArchived, 'cyp'),
            pc: await this.archivedRows(lastArchived, 'pc'),
          },
        }
      : undefined;
    // Recorded before anything is shown: a view that cannot be recorded is not given.
    await this.views.record({
      reviewRef: ref.reviewRef,
      viewer: viewer.userId,
      at: this.clock.now().toISOString(),
      how,
    });
    return {
      kind: 'answers',
      answers: reviewAnswers(this.bank, ref.reviewRef, { cyp, pc }, previous, child?.whoAnswered),
      printUrl: await this.printUrl(ref.reviewRef, viewer),
    };
  }

  /** An archived respondent's rows, or undefined when that respondent was not surveyed that year. */
  private async archivedRows(ref: string, role: RespondentRole) {
    return (await this.respondents.read(ref, role)) ? await this.respondents.answerRows(ref, role) : undefined;
  }

  /** A printable page's link, signed for this person and review, working for PRINT_LINK_MINUTES. */
  private async printUrl(reviewRef: string, viewer: Viewer): Promise<string> {
    const exp = Math.floor(this.clock.now().getTime() / 1000) + PRINT_LINK_MINUTES * 60;
    const claims = { ref: reviewRef, by: viewer.userId, admin: viewer.isAdmin, exp };
    const token = signToken(claims, await this.secrets.get('review-print'));
    return `${this.publicBaseUrl}/reviews/print?token=${encodeURIComponent(token)}`;
  }

  /**
   * The printable page's answers for a link: checked again against the invitations (an erased review, or
   * a practitioner who is no longer allowed, gets nothing), and recorded as a printed view.
   */
  async forPrintLink(
    token: string,
  ): Promise<{ kind: 'answers'; answers: ReviewAnswers } | { kind: 'refused'; why: 'expired' | 'invalid' }> {
    const check = verifyToken(token, printClaims, await this.secrets.get('review-print'), this.clock.now());
    if (!check.ok) return { kind: 'refused', why: check.reason === 'expired' ? 'expired' : 'invalid' };
    const shown = await this.view(check.claims.ref, { userId: check.claims.by, isAdmin: check.claims.admin }, 'print');
    return shown.kind === 'answers' ? { kind: 'answers', answers: shown.answers } : { kind: 'refused', why: 'invalid' };
  }

  /** Who has viewed a review's answers, newest first (administrators only; the route checks). */
  async viewsOf(
    reviewRefInput: string,
  ): Promise<
    | { kind: 'views'; reviewRef: string; views: (ReviewView & { viewerName: string })[] }
    | { kind: 'badRef'; message: string }
  > {
    const ref = checkReviewRef(reviewRefInput);
    if (!ref.ok) return { kind: 'badRef', message: ref.message };
    const views = await this.views.list(ref.reviewRef);
    const nameOf = await this.staffNames(views.map((v) => v.viewer));
    return {
      kind: 'views',
      reviewRef: ref.reviewRef,
      views: views.map((v) => ({ ...v, viewerName: nameOf(v.viewer) })),
    };
  }
}
