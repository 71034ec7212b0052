import type { Clock } from '../../domain/clock.js';
import type { ConversationAddress, Reply } from '../../ports/messages.js';
import type { ProactiveSender } from '../digests/digestStores.js';
import type { InvitationStore, RespondentRecords } from '../survey/surveyStores.js';
import type { Invitation } from '../survey/surveyStores.js';
import { isSendingTime, nineOn, workingDaysBefore } from './domain/sendingHours.js';
import type { StaffNotice, StaffNoticeStore } from './familyContactsStores.js';

/** When a practitioner is told of a meeting whose family has not finished: 09:00 two working days before. */
export function meetingNoticeAt(meetingOn: string): Date {
  return nineOn(workingDaysBefore(meetingOn, 2));
}

/** A claim on sending older than this is taken to have died with its instance, and is sent again. */
const STALE_SENDING_MS = 5 * 60_000;

export type NoticeRun = { sent: number; unreachable: number; cancelled: number };

/**
 * Tells a practitioner, in their 1:1 chat with the bot, what they need to act on about a family they invited:
 * a message Notify could not deliver (at once), and a review meeting two working days away with the survey not
 * finished (from 09:00 that day, in working hours). Each notice is made once (its id), claimed by ETag before it
 * is sent (instances never both send it), and checked again before it goes: a family who has finished, or a link
 * that was replaced, cancels a meeting notice.
 */
export class StaffNoticesService {
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly notices: StaffNoticeStore,
    private readonly invitations: Pick<InvitationStore, 'get'>,
    private readonly respondents: Pick<RespondentRecords, 'read'>,
    private readonly personalChat: (userId: string) => Promise<ConversationAddress | undefined>,
    private readonly sender: ProactiveSender,
    private readonly clock: Clock,
    private readonly render: (notice: StaffNotice, progress: { sectionsSaved: number }) => Reply,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Stores a notice unless one with its id exists; a notice due now is sent at once, without holding the caller. */
  async schedule(notice: Omit<StaffNotice, 'state'>): Promise<boolean> {
    const made = await this.notices.create({ ...notice, state: 'scheduled' });
    if (made && notice.dueAt <= this.clock.now().toISOString()) this.kick();
    return made;
  }

  /**
   * An invitation with a review meeting: the practitioner is told at 09:00 two working days before it if the family
   * has not finished by then (that day is returned). Not when the invitation is made closer to the meeting than
   * that (they know).
   */
  async meetingSet(invitation: Invitation): Promise<string | undefined> {
    if (!invitation.meetingOn) return undefined;
    const dueAt = meetingNoticeAt(invitation.meetingOn);
    if (dueAt.getTime() <= this.clock.now().getTime()) return undefined;
    await this.schedule({
      id: `meeting~${invitation.code}`,
      kind: 'meetingSoon',
      userId: invitation.createdBy,
      reviewRef: invitation.reviewRef,
      role: invitation.role,
      code: invitation.code,
      meetingOn: invitation.meetingOn,
      dueAt: dueAt.toISOString(),
    });
    return workingDaysBefore(invitation.meetingOn, 2);
  }

  /** Resolves when the sends started by `schedule` have finished (tests, and a clean stop). */
  idle(): Promise<void> {
    return this.inFlight.then(() => undefined);
  }

  /** Sends every notice that is due (or whose sender stopped mid-send). Run every minute. */
  async run(): Promise<NoticeRun> {
    const now = this.clock.now();
    const tally: NoticeRun = { sent: 0, unreachable: 0, cancelled: 0 };
    const stale = new Date(now.getTime() - STALE_SENDING_MS).toISOString();
    for (const notice of await this.notices.due(now.toISOString(), stale)) {
      // A meeting notice waits for working hours; a failed delivery is told at once.
      if (notice.kind === 'meetingSoon' && !isSendingTime(now)) continue;
      const outcome = await this.deliver(notice);
      if (outcome) tally[outcome]++;
    }
    return tally;
  }

  private kick(): void {
    this.inFlight = this.inFlight.then(() => this.run()).catch((error: unknown) => this.onError(error));
  }

  private async deliver({ etag, ...notice }: StaffNotice & { etag: string }): Promise<keyof NoticeRun | undefined> {
    const now = this.clock.now().toISOString();
    const progress = await this.progress(notice);
    if (!progress) {
      await this.notices.replace({ ...notice, state: 'cancelled', detail: 'no longer needed' }, etag);
      return 'cancelled';
    }
    const sending: StaffNotice = { ...notice, state: 'sending', sendingSince: now };
    const claimed = await this.notices.replace(sending, etag);
    if (!claimed) return undefined; // another instance has it
    const address = await this.personalChat(notice.userId);
    const outcome = address ? await this.sender(address, this.render(notice, progress)) : undefined;
    const done: StaffNotice =
      outcome?.kind === 'sent'
        ? { ...sending, state: 'sent', sentAt: this.clock.now().toISOString() }
        : {
            ...sending,
            state: 'unreachable',
            detail: address
              ? `the message could not be sent (${outcome?.kind})`
              : 'the practitioner has no 1:1 chat with the bot',
          };
    await this.notices.replace(done, claimed);
    return done.state === 'sent' ? 'sent' : 'unreachable';
  }

  /** Undefined when a meeting notice is no longer needed: the survey finished, or the link was replaced. */
  private async progress(notice: StaffNotice): Promise<{ sectionsSaved: number } | undefined> {
    const state = await this.respondents.read(notice.reviewRef, notice.role);
    const sectionsSaved = Object.keys(state?.sections ?? {}).length;
    if (notice.kind === 'deliveryFailed') return { sectionsSaved };
    const invitation = await this.invitations.get(notice.code);
    if (!invitation || invitation.revokedAt || state?.completedAt) return undefined;
    return { sectionsSaved };
  }
}
