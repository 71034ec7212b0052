import { randomUUID } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import { longDate } from '../../domain/dates.js';
import { readCodeFromText } from '../../domain/invitations/invitationCode.js';
import type { RespondentRole } from '../../domain/survey/questionBank.js';
import type { InvitationStore, RespondentRecords } from '../survey/surveyStores.js';
import type { ContactCipher } from './domain/contactCipher.js';
import { recipientOf, type ContactDetails } from './domain/contactDetails.js';
import type {
  ContactStore,
  FamilyMessage,
  FamilyMessageLedger,
  NotifyAttempt,
  StaffNoticeStore,
  NotifyOutcome,
  NotifySender,
} from './familyContactsStores.js';
import type { CreatedInvitation, FamilyMessenger } from '../invitations/invitationService.js';
import { firstReminderAt } from './domain/reminderPlan.js';
import { ReminderDelivery, type ReminderRunOptions, type ReminderSettings } from './reminderDelivery.js';

export type FamilyMessaging = {
  /** One message in a practitioner's turn, retried briefly (the invitation). */
  send: NotifySender;
  /** One request, for the reminder run, which paces and retries the whole run itself. */
  attempt: NotifyAttempt;
  cipher: ContactCipher;
  templates: { inviteSms: string; inviteEmail: string };
  /** The local area named in the message (the privacy notice's organisation). */
  area: string;
  /** Set when the reminder templates are: reminders are off without them. */
  reminders?: ReminderSettings & { run?: Partial<ReminderRunOptions> };
};
/** What the wiring adds: the survey link of a code, and this process as the ledger names a claim's holder. */
export type FamilyMessagingIn = FamilyMessaging & { linkOf: (code: string) => string; instance: string };

/**
 * Sends a family their invitation by text or email through GOV.UK Notify, and holds their number or address
 * only while the invitation can still be answered: sealed (AES-256-GCM), one row per invitation, deleted when
 * the survey is completed, the invitation expires or is replaced, the review is erased, or the family opts out.
 * Without Notify set up (`messaging` undefined) nothing is sent and nothing is held.
 */
export class FamilyContactsService {
  /** Sends the reminders that are due; undefined when reminders are off (no reminder templates). */
  readonly reminders?: ReminderDelivery;

  constructor(
    private readonly contacts: ContactStore,
    private readonly ledger: FamilyMessageLedger,
    private readonly notices: Pick<StaffNoticeStore, 'eraseReview'>,
    private readonly invitations: Pick<InvitationStore, 'get' | 'forReview'>,
    private readonly respondents: Pick<RespondentRecords, 'read'>,
    private readonly clock: Clock,
    private readonly messaging?: FamilyMessagingIn,
  ) {
    const m = messaging;
    if (m?.reminders)
      this.reminders = new ReminderDelivery({
        contacts,
        ledger,
        invitations,
        respondents,
        attempt: m.attempt,
        cipher: m.cipher,
        clock,
        settings: m.reminders,
        linkOf: m.linkOf,
        area: m.area,
        instance: m.instance,
        ...(m.reminders.run ? { options: m.reminders.run } : {}),
      });
  }

  get canSend(): boolean {
    return this.messaging !== undefined;
  }

  /**
   * Sends the invitation; only once Notify has accepted it is the contact kept (a refusal keeps nothing).
   * The message's reference is a fresh random id: never the review, the code or the contact.
   */
  async sendInvitation(invitation: CreatedInvitation, contact: ContactDetails): Promise<NotifyOutcome> {
    const m = this.messaging;
    if (!m) return { kind: 'notAuthorised' };
    const reference = randomUUID();
    const outcome = await m.send({
      channel: contact.channel,
      to: recipientOf(contact),
      templateId: contact.channel === 'sms' ? m.templates.inviteSms : m.templates.inviteEmail,
      personalisation: {
        link: invitation.link,
        code: invitation.displayCode,
        expires: longDate(invitation.expiresOn),
        area: m.area,
      },
      reference,
    });
    if (outcome.kind !== 'sent') return outcome;
    const now = this.clock.now();
    // One respondent, one contact: an earlier invitation's number or address goes when a new one is sent.
    await this.forgetRespondent(invitation.reviewRef, invitation.role);
    const nextReminderAt = m.reminders ? firstReminderAt(now.toISOString(), m.reminders.days) : undefined;
    await this.contacts.put({
      code: invitation.code,
      reviewRef: invitation.reviewRef,
      role: invitation.role,
      channel: contact.channel,
      sealed: m.cipher.seal(recipientOf(contact), invitation.code),
      createdAt: now.toISOString(),
      expiresAt: invitation.expiresOn,
      ...(nextReminderAt ? { nextReminderAt } : {}),
    });
    // What was sent, never to whom: "my invitations" shows it, and the delivery receipt finds it by its reference.
    const { code, reviewRef, role } = invitation;
    await this.ledger.recordSent(
      { code, kind: 'invitation', reviewRef, role, channel: contact.channel, reference },
      outcome.notificationId,
      now,
    );
    return outcome;
  }

  /** The contact held for an invitation, opened; undefined when none is held or it does not open. */
  async contactFor(code: string): Promise<string | undefined> {
    const held = await this.contacts.get(code);
    return held && this.messaging ? this.messaging.cipher.open(held.sealed, code) : undefined;
  }

  /** The invitation was replaced, or the family asked not to be contacted again. */
  async forgetInvitation(code: string): Promise<void> {
    await this.contacts.delete(code);
  }

  /** The respondent completed the survey (or their record was erased). */
  async forgetRespondent(reviewRef: string, role: RespondentRole): Promise<number> {
    let removed = 0;
    for (const held of await this.contacts.forReview(reviewRef))
      if (held.role === role && (await this.contacts.delete(held.code))) removed++;
    return removed;
  }

  /** Erasure of the whole review: its contacts (the count returned), what was sent, and notices about it. */
  async forgetReview(reviewRef: string): Promise<number> {
    let removed = 0;
    for (const held of await this.contacts.forReview(reviewRef)) if (await this.contacts.delete(held.code)) removed++;
    await this.ledger.eraseReview(reviewRef);
    await this.notices.eraseReview(reviewRef);
    return removed;
  }

  /** What was sent for an invitation, what Notify said of it, and whether the family stopped reminders. */
  async messagesFor(code: string): Promise<{ messages: FamilyMessage[]; optedOut: boolean }> {
    const [messages, optedOutAt] = await Promise.all([this.ledger.forInvitation(code), this.ledger.optedOutAt(code)]);
    return { messages, optedOut: optedOutAt !== undefined };
  }

  /** Whether the family's page offers "Stop reminders": reminders are on and a number or address is held. */
  async offersStop(link: string): Promise<boolean> {
    const code = readCodeFromText(link);
    return this.reminders !== undefined && code !== undefined && (await this.contacts.get(code)) !== undefined;
  }

  /**
   * "Stop reminders", pressed on the family's page: their number or address is deleted at once (so no reminder
   * can go), and the request is kept for "my invitations". `unknown` for a code that is no invitation.
   */
  async stopReminders(code: string): Promise<'stopped' | 'nothingHeld' | 'unknown'> {
    const invitation = await this.invitations.get(code);
    if (!invitation) return 'unknown';
    const deleted = await this.contacts.delete(code);
    if (deleted) await this.ledger.recordOptOut(code, invitation.reviewRef, this.clock.now());
    return deleted ? 'stopped' : 'nothingHeld';
  }

  /**
   * Deletes every contact its invitation no longer needs: expired, replaced, gone, or its survey completed.
   * The deletions above happen at once; this catches what they missed (a crash between) and expiry.
   */
  async sweep(): Promise<{ removed: number }> {
    const today = this.clock.today();
    let removed = 0;
    for (const held of await this.contacts.all()) {
      const invitation = await this.invitations.get(held.code);
      const done =
        !invitation ||
        Boolean(invitation.revokedAt) ||
        today > invitation.expiresAt ||
        Boolean((await this.respondents.read(invitation.reviewRef, invitation.role))?.completedAt);
      if (done && (await this.contacts.delete(held.code))) removed++;
    }
    return { removed };
  }
}

/**
 * The respondent records the survey writes through: when a save completes a survey, or a record is erased,
 * that respondent's contact is deleted in the same breath.
 */
export function forgettingContactsOnCompletion(
  respondents: RespondentRecords,
  contacts: Pick<FamilyContactsService, 'forgetRespondent'>,
): RespondentRecords {
  return {
    read: (ref, role) => respondents.read(ref, role),
    answerRows: (ref, role) => respondents.answerRows(ref, role),
    deleteStrayAnswers: (ref, role) => respondents.deleteStrayAnswers(ref, role),
    sweep: (olderThanMs) => respondents.sweep(olderThanMs),
    scanAll: () => respondents.scanAll(),
    archivedRefs: (ref) => respondents.archivedRefs(ref),
    mutate: async (reviewRef, role, change) => {
      const result = await respondents.mutate(reviewRef, role, change);
      if (result.changed && (!result.state || result.state.completedAt))
        await contacts.forgetRespondent(reviewRef, role);
      return result;
    },
  };
}

/** The invitations' way to send to a family, when Notify is set up: a Notify outcome in the words of a reason. */
export function familyMessenger(contacts: FamilyContactsService): FamilyMessenger | undefined {
  if (!contacts.canSend) return undefined;
  return {
    send: async (made, contact) => {
      const outcome = await contacts.sendInvitation(made, contact);
      switch (outcome.kind) {
        case 'sent':
          return undefined;
        case 'refused':
          return outcome.why;
        case 'notAuthorised':
        case 'unavailable':
          return outcome.kind;
      }
    },
  };
}
