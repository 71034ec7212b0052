import type { RespondentState } from '../survey/domain/respondentState.js';
import { academicYearOfTerm, archivedRef } from '../survey/domain/reviewCycles.js';
import type { Clock } from '../../domain/clock.js';
import { addDays } from '../../domain/dates.js';
import { formatCode, newInvitationCode } from '../../domain/invitations/invitationCode.js';
import { checkReviewRef } from './domain/reviewRef.js';
import type { RespondentRole } from '../../domain/survey/questionBank.js';
import type { TermCalendar } from '../../domain/terms/termCalendar.js';
import type { Invitation, InvitationStore, RespondentRecords } from '../survey/surveyStores.js';
import { invitationStatus, type InvitationStatus } from './domain/invitationStatus.js';
import type { ContactDetails } from '../familyContacts/domain/contactDetails.js';
import type { SentMessage } from './domain/deliveryStatus.js';

/** An invitation as made: what the practitioner is shown and what a family's message says. */
export type CreatedInvitation = {
  code: string;
  displayCode: string;
  link: string;
  reviewRef: string;
  role: RespondentRole;
  expiresOn: string;
  /** The review meeting's date, when given, and the day the practitioner will be told if the family has not finished. */
  meetingOn?: string;
  meetingNoticeOn?: string;
};

export type InviteResult =
  | ({ kind: 'created' } & CreatedInvitation)
  | { kind: 'badReviewRef'; message: string }
  | { kind: 'alreadyCompleted'; reviewRef: string; role: RespondentRole }
  /** The family's message could not be sent: the invitation was withdrawn, nothing of it is kept. */
  | { kind: 'notSent'; reviewRef: string; role: RespondentRole; why: NotSentReason };

export type Created = Extract<InviteResult, { kind: 'created' }>;
/** Why a message did not go: a recipient Notify refused, its set-up, its key, or Notify was unavailable. */
export type NotSentReason = 'recipient' | 'setup' | 'notAuthorised' | 'unavailable';
/** Sends a new invitation to the family by text or email (see familyContacts); undefined once sent. */
export type FamilyMessenger = { send(made: Created, contact: ContactDetails): Promise<NotSentReason | undefined> };

export type InvitationSummary = {
  code: string;
  reviewRef: string;
  role: RespondentRole;
  createdOn: string;
  status: InvitationStatus;
  meetingOn?: string;
  /** The texts or emails sent for it (none when the practitioner passed the link on). */
  messages: SentMessage[];
  /** The family pressed "Stop reminders". */
  optedOut: boolean;
};

export type RenewResult =
  | InviteResult
  /** Not found, or not this person's to renew: the same answer, so nothing is learnt about others' reviews. */
  | { kind: 'notFound' }
  | { kind: 'alreadyReplaced'; reviewRef: string; role: RespondentRole };

/** How many of a practitioner's invitations "my invitations" lists, newest first. */
export const MY_INVITATIONS_SHOWN = 25;

export class InvitationService {
  constructor(
    private readonly invitations: InvitationStore,
    private readonly respondents: RespondentRecords,
    private readonly terms: TermCalendar,
    private readonly clock: Clock,
    private readonly options: {
      ttlDays: number;
      publicBaseUrl: string;
      sectionCount: number;
      /** Set when GOV.UK Notify is: invitations can then be sent to a family's phone or email. */
      messenger?: FamilyMessenger;
      /** Deletes the family's contact held for a replaced invitation (see familyContacts). */
      forgetContact?: (code: string) => Promise<void>;
      /**
       * Told of an invitation with a review meeting date, once it counts (see familyContacts' notices: the
       * practitioner is told two working days before if the family has not finished).
       */
      meetingSet?: (invitation: Invitation) => Promise<string | undefined>;
      /** What was sent to the family for an invitation, and what Notify said of it (see familyContacts). */
      messagesOf?: (code: string) => Promise<{ messages: SentMessage[]; optedOut: boolean }>;
    },
  ) {}

  /** "Today" for reading a meeting date the practitioner typed without its year. */
  today(): string {
    return this.clock.today();
  }

  /** Whether invitations can be sent to a family's phone or email (GOV.UK Notify is set up). */
  get sendsToFamilies(): boolean {
    return this.options.messenger !== undefined;
  }

  /**
   * With `contact`, the invitation is sent to the family before it counts: if it cannot be, it is deleted
   * (its code never reached anyone) and the respondent is not recorded as invited.
   */
  async invite(
    reviewRefInput: string,
    role: RespondentRole,
    createdBy: string,
    contact?: ContactDetails,
    meetingOn?: string,
  ): Promise<InviteResult> {
    const ref = checkReviewRef(reviewRefInput);
    if (!ref.ok) return { kind: 'badReviewRef', message: ref.message };
    const existing = await this.respondents.read(ref.reviewRef, role);
    const today = this.clock.today();
    const term = this.terms.termOf(today).id;
    if (existing && academicYearOfTerm(existing.invitedTerm) < academicYearOfTerm(term))
      // The same child's review a year on: last year's answers (and invitation, for its response rate) are
      // kept beside; this year's start empty.
      await this.startNewYear(ref.reviewRef, role, existing, term);
    else if (existing?.completedAt) return { kind: 'alreadyCompleted', reviewRef: ref.reviewRef, role };

    const expiresOn = addDays(today, this.options.ttlDays);
    const row = (code: string): Invitation => ({
      code,
      reviewRef: ref.reviewRef,
      role,
      term,
      createdAt: this.clock.now().toISOString(),
      expiresAt: expiresOn,
      createdBy,
      ...(meetingOn ? { meetingOn } : {}),
    });
    let code = newInvitationCode();
    // ~8 × 10^14 codes make a collision vanishingly rare; the insert is conditional all the same.
    while (!(await this.invitations.tryCreate(row(code)))) code = newInvitationCode();
    const made: Created = {
      kind: 'created',
      code,
      displayCode: formatCode(code),
      link: `${this.options.publicBaseUrl}/survey/${code}`,
      reviewRef: ref.reviewRef,
      role,
      expiresOn,
      ...(meetingOn ? { meetingOn } : {}),
    };
    const messenger = this.options.messenger;
    const why = contact ? (messenger ? await messenger.send(made, contact) : 'setup') : undefined;
    if (why) {
      await this.invitations.delete(code);
      return { kind: 'notSent', reviewRef: ref.reviewRef, role, why };
    }
    await this.ensureRespondent(ref.reviewRef, role, term);
    const noticeOn = meetingOn ? await this.options.meetingSet?.(row(code)) : undefined;
    return noticeOn ? { ...made, meetingNoticeOn: noticeOn } : made;
  }

  /**
   * The invitations one practitioner made, each with where the family is up to: those with a review meeting
   * still to come first, soonest first; then the rest, newest first.
   */
  async listMine(createdBy: string): Promise<InvitationSummary[]> {
    const today = this.clock.today();
    const ahead = (i: Invitation) => (i.meetingOn && i.meetingOn >= today ? i.meetingOn : undefined);
    const mine = (await this.invitations.byCreator(createdBy))
      .sort((a, b) => {
        const [ma, mb] = [ahead(a), ahead(b)];
        if (ma && mb && ma !== mb) return ma.localeCompare(mb);
        if (Boolean(ma) !== Boolean(mb)) return ma ? -1 : 1;
        return b.createdAt.localeCompare(a.createdAt);
      })
      .slice(0, MY_INVITATIONS_SHOWN);
    return Promise.all(
      mine.map(async (invitation) => ({
        code: invitation.code,
        reviewRef: invitation.reviewRef,
        role: invitation.role,
        createdOn: invitation.createdAt.slice(0, 10),
        status: await this.statusOf(invitation),
        ...(invitation.meetingOn ? { meetingOn: invitation.meetingOn } : {}),
        ...((await this.options.messagesOf?.(invitation.code)) ?? { messages: [], optedOut: false }),
      })),
    );
  }

  /**
   * A fresh link for a lost or expired one: a new code for the same review and respondent (their saved
   * sections are kept), and the old code stops working. Only the practitioner who made it, or an admin.
   */
  async renew(code: string, by: { userId: string; isAdmin: boolean }): Promise<RenewResult> {
    const old = await this.invitations.getFresh(code);
    if (!old || (old.createdBy !== by.userId && !by.isAdmin)) return { kind: 'notFound' };
    const status = await this.statusOf(old);
    if (status.kind === 'completed') return { kind: 'alreadyCompleted', reviewRef: old.reviewRef, role: old.role };
    if (status.kind === 'replaced') return { kind: 'alreadyReplaced', reviewRef: old.reviewRef, role: old.role };
    // The new code exists before the old one stops, so a family always has one that works.
    // The review meeting carries on to the new link while it is still to come.
    const meeting = old.meetingOn && old.meetingOn >= this.clock.today() ? old.meetingOn : undefined;
    const made = await this.invite(old.reviewRef, old.role, old.createdBy, undefined, meeting);
    if (made.kind === 'created') {
      await this.invitations.revoke(old.code, this.clock.now().toISOString());
      await this.options.forgetContact?.(old.code);
    }
    return made;
  }

  private async statusOf(invitation: Invitation): Promise<InvitationStatus> {
    const state = await this.respondents.read(invitation.reviewRef, invitation.role);
    const progress = {
      sectionsSaved: Object.keys(state?.sections ?? {}).length,
      completed: Boolean(state?.completedAt),
      sectionCount: this.options.sectionCount,
    };
    return invitationStatus(invitation, progress, this.clock.today());
  }

  /**
   * Moves an earlier year's answers to their archived record, then empties the live one for this year. Both
   * steps are ordinary respondent changes (journaled, idempotent): the aggregates gain the archived copy and
   * lose the live one, so last year's figures stay where they were; a crash between the two leaves both
   * copies, and inviting again finishes the move.
   */
  private async startNewYear(reviewRef: string, role: RespondentRole, existing: RespondentState, term: string) {
    // Last year's links stop working: a family using one would otherwise write into this year's survey.
    const at = this.clock.now().toISOString();
    for (const old of await this.invitations.forReview(reviewRef))
      if (old.role === role && academicYearOfTerm(old.term) < academicYearOfTerm(term) && !old.revokedAt) {
        await this.invitations.revoke(old.code, at);
        await this.options.forgetContact?.(old.code);
      }
    const archive = archivedRef(reviewRef, academicYearOfTerm(existing.invitedTerm));
    const rows = await this.respondents.answerRows(reviewRef, role);
    await this.respondents.mutate(archive, role, (current) =>
      current ? undefined : { next: { ...existing, reviewRef: archive }, writes: rows, deletes: [] },
    );
    await this.respondents.mutate(reviewRef, role, (current) =>
      current && current.invitedTerm === existing.invitedTerm
        ? {
            next: { reviewRef, role, invitedTerm: term, sections: {} },
            writes: [],
            deletes: rows.map((r) => r.questionId),
          }
        : undefined,
    );
  }

  /** The respondent's record is made on the first invitation (which counts it as "sent" for response rates). */
  async ensureRespondent(reviewRef: string, role: RespondentRole, term: string): Promise<void> {
    await this.respondents.mutate(reviewRef, role, (current) =>
      current ? undefined : { next: { reviewRef, role, invitedTerm: term, sections: {} }, writes: [], deletes: [] },
    );
  }
}
