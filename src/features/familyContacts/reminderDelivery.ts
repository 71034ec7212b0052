import { randomUUID } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import { longDate } from '../../domain/dates.js';
import { formatCode } from '../../domain/invitations/invitationCode.js';
import { backoffMs, SendPacer } from '../digests/sendPacer.js';
import type { InvitationStore, RespondentRecords } from '../survey/surveyStores.js';
import type { ContactCipher } from './domain/contactCipher.js';
import { reminderDecision, type ReminderStop } from './domain/reminderPlan.js';
import { isSendingTime } from './domain/sendingHours.js';
import {
  reminderKind,
  type ContactStore,
  type FamilyMessageLedger,
  type HeldContact,
  type MessageClaim,
  type NotifyAttempt,
} from './familyContactsStores.js';

export type ReminderSettings = {
  /** Days after the invitation (at most two), ascending. */
  days: readonly number[];
  templates: { sms: string; email: string };
};

export type ReminderRunOptions = {
  concurrency: number;
  /** Requests a second: GOV.UK Notify allows 3,000 a minute (50 a second) for a key; a little under leaves room. */
  perSecond: number;
  /** Retries of a 5xx or a refused connection before the reminder is left for a later run. */
  maxTransientRetries: number;
  /** 429s tolerated for one reminder (the whole run pauses each time) before it is left for a later run. */
  maxThrottles: number;
  maxRetryAfterMs: number;
};
export const NOTIFY_LIMIT_PER_MINUTE = 3_000;
/**
 * 20 at once: Notify answers in a few hundred milliseconds and each reminder also reads and writes a few rows, so
 * keeping its 50 a second takes about that many in flight (the pacer, not this, bounds the rate).
 */
export const DEFAULT_REMINDER_RUN: ReminderRunOptions = {
  concurrency: 20,
  perSecond: (NOTIFY_LIMIT_PER_MINUTE / 60) * 0.98,
  maxTransientRetries: 3,
  maxThrottles: 6,
  maxRetryAfterMs: 60_000,
};

/** Requests the pacer lets through at once: 5 over a 98% pace stays within 3,000 in any minute (and 500 in any 10 s). */
const PACER_BURST = 5;

export type ReminderTally = {
  /** Outside sending hours nothing is read or sent. */
  quiet: boolean;
  due: number;
  sent: number;
  /** Notify refused it (400): not sent, and not tried again. */
  refused: number;
  /** No answer in time: it may have gone, so it is never sent again. */
  uncertain: number;
  /** Claimed by another instance, or done already. */
  skipped: number;
  stopped: Partial<Record<ReminderStop, number>>;
  /** 429s and 5xx met, and reminders left for a later run after them. */
  throttled: number;
  retried: number;
  leftForLater: number;
  /** Notify did not accept the key (403): the run stopped there. */
  notAuthorised: boolean;
  errors: string[];
};

type Timer = { now(): number; sleep(ms: number): Promise<void>; random(): number };
const realTimer: Timer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise<void>((r) => setTimeout(r, ms)),
  random: Math.random,
};

export type ReminderDeps = {
  contacts: ContactStore;
  ledger: FamilyMessageLedger;
  invitations: Pick<InvitationStore, 'get'>;
  respondents: Pick<RespondentRecords, 'read'>;
  attempt: NotifyAttempt;
  cipher: ContactCipher;
  clock: Clock;
  settings: ReminderSettings;
  /** The message's words: the survey link for a code, and the local area's name. */
  linkOf: (code: string) => string;
  area: string;
  instance: string;
  options?: Partial<ReminderRunOptions>;
  timer?: Timer;
};

/**
 * Sends the reminders that are due, once each across every instance. Only in sending hours; each reminder is
 * claimed in the ledger before it is sent, the run is paced under Notify's rate limit, a 429 pauses the whole run
 * (Retry-After when given, else back-off with jitter) instead of each sender retrying on its own, a 5xx is tried
 * again a few times, and whatever is still refused is left claimed for a later run to take over. The contact's
 * next-reminder time is only a hint that keeps the run to the few contacts that may be due.
 */
export class ReminderDelivery {
  private readonly o: ReminderRunOptions;
  private readonly timer: Timer;

  constructor(private readonly d: ReminderDeps) {
    this.o = { ...DEFAULT_REMINDER_RUN, ...d.options };
    this.timer = d.timer ?? realTimer;
  }

  async run(): Promise<ReminderTally> {
    const tally: ReminderTally = {
      quiet: false,
      due: 0,
      sent: 0,
      refused: 0,
      uncertain: 0,
      skipped: 0,
      stopped: {},
      throttled: 0,
      retried: 0,
      leftForLater: 0,
      notAuthorised: false,
      errors: [],
    };
    const now = this.d.clock.now();
    if (!isSendingTime(now)) return { ...tally, quiet: true };
    const queue = await this.d.contacts.remindersDue(now.toISOString());
    tally.due = queue.length;
    // A small burst: enough to make up a timer that wakes late, too small to matter in Notify's rolling minute.
    const pacer = new SendPacer(this.o.perSecond, PACER_BURST, this.timer);
    const workers = Array.from({ length: Math.min(this.o.concurrency, queue.length) }, async () => {
      for (let next = queue.shift(); next !== undefined && !tally.notAuthorised; next = queue.shift()) {
        const contact = next;
        // One reminder's storage error must not stop the others: its claim's lease lets a later run take it.
        await this.remind(contact, pacer, tally).catch((error: unknown) => {
          tally.errors.push(`${contact.code.slice(0, 4)}…: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
    });
    await Promise.all(workers);
    return tally;
  }

  private async remind(contact: HeldContact, pacer: SendPacer, tally: ReminderTally): Promise<void> {
    const { code } = contact;
    const invitation = await this.d.invitations.get(code);
    const state = invitation && (await this.d.respondents.read(invitation.reviewRef, invitation.role));
    const decision = invitation
      ? reminderDecision({
          now: this.d.clock.now(),
          invitedAt: contact.createdAt,
          days: this.d.settings.days,
          today: this.d.clock.today(),
          expiresOn: invitation.expiresAt,
          ...(invitation.meetingOn ? { meetingOn: invitation.meetingOn } : {}),
          completed: Boolean(state?.completedAt),
          replaced: Boolean(invitation.revokedAt),
        })
      : ({ kind: 'stop', why: 'replaced' } as const);
    if (decision.kind !== 'send') {
      if (decision.kind === 'stop') tally.stopped[decision.why] = (tally.stopped[decision.why] ?? 0) + 1;
      await this.d.contacts.setNextReminder(code, decision.kind === 'wait' ? decision.nextAt : undefined);
      return;
    }
    const later = () => this.d.contacts.setNextReminder(code, decision.nextAt);
    const at = () => this.d.clock.now();
    const base = { code, reviewRef: contact.reviewRef, role: contact.role, channel: contact.channel };
    const claimed = await this.d.ledger.claim(
      { ...base, kind: reminderKind(decision.reminder), reference: randomUUID() },
      this.d.instance,
      at(),
    );
    if (claimed === 'done' || claimed === 'held') {
      tally.skipped++;
      // Held by another instance, it stays due here: if that instance leaves it for later, a run takes it over.
      if (claimed === 'done') await later();
      return;
    }
    let claim: MessageClaim = claimed;
    const to = this.d.cipher.open(contact.sealed, code);
    if (!to || !invitation) {
      await this.d.ledger.move(claim, 'notSent', at(), { detail: 'the contact held does not open' });
      tally.refused++;
      await this.d.contacts.setNextReminder(code, undefined);
      return;
    }
    const message = {
      channel: contact.channel,
      to,
      templateId: contact.channel === 'sms' ? this.d.settings.templates.sms : this.d.settings.templates.email,
      personalisation: {
        link: this.d.linkOf(code),
        code: formatCode(code),
        expires: longDate(invitation.expiresAt),
        area: this.d.area,
      },
      reference: claim.reference,
    };
    let transient = 0;
    let throttles = 0;
    for (;;) {
      await pacer.take();
      if (tally.notAuthorised) {
        await this.d.ledger.move(claim, 'claimed', at(), { leaseMs: 0, detail: 'run stopped: key not accepted' });
        return;
      }
      claim = await this.d.ledger.move(claim, 'sending', at(), { attempt: true });
      const outcome = await this.d.attempt(message);
      switch (outcome.kind) {
        case 'sent':
          await this.d.ledger.move(claim, 'sent', at(), { notificationId: outcome.notificationId });
          tally.sent++;
          await later();
          return;
        case 'refused':
          await this.d.ledger.move(claim, 'notSent', at(), { detail: `refused by Notify (${outcome.why})` });
          tally.refused++;
          await later();
          return;
        case 'noAnswer':
          await this.d.ledger.move(claim, 'uncertain', at(), { detail: 'no answer from Notify in time' });
          tally.uncertain++;
          await later();
          return;
        case 'notAuthorised':
          // Every other send would be refused too: stop, and let the next run try once the key is put right.
          tally.notAuthorised = true;
          await this.d.ledger.move(claim, 'claimed', at(), { leaseMs: 0, detail: 'HTTP 403: key not accepted' });
          return;
        case 'throttled': {
          tally.throttled++;
          if (++throttles > this.o.maxThrottles) {
            await this.d.ledger.move(claim, 'claimed', at(), { detail: `HTTP 429 after ${this.o.maxThrottles} waits` });
            tally.leftForLater++;
            return;
          }
          pacer.pause(
            outcome.retryAfterMs !== undefined
              ? Math.min(outcome.retryAfterMs, this.o.maxRetryAfterMs)
              : backoffMs(throttles, 1_000, 30_000, this.timer.random),
          );
          claim = await this.d.ledger.move(claim, 'claimed', at(), { detail: 'HTTP 429' });
          tally.retried++;
          continue;
        }
        case 'transient': {
          if (++transient > this.o.maxTransientRetries) {
            await this.d.ledger.move(claim, 'claimed', at(), {
              detail: `HTTP ${outcome.status || 'network error'} after ${this.o.maxTransientRetries} retries`,
            });
            tally.leftForLater++;
            return;
          }
          claim = await this.d.ledger.move(claim, 'claimed', at(), { detail: `HTTP ${outcome.status}` });
          tally.retried++;
          await this.timer.sleep(backoffMs(transient, 500, 10_000, this.timer.random));
          continue;
        }
      }
    }
  }
}
