import type { Clock } from '../domain/clock.js';
import type { AddressBookService } from '../features/addressBook/addressBookService.js';
import type { DigestService } from '../features/digests/digestService.js';
import type { FamilyContactsService } from '../features/familyContacts/familyContactsService.js';
import type { ReminderTally } from '../features/familyContacts/reminderDelivery.js';
import type { NoticeRun } from '../features/familyContacts/staffNoticesService.js';
import type { RespondentRecords } from '../features/survey/surveyStores.js';
import type { WorryAlertsService } from '../features/worries/worryAlertsService.js';
import { HOUR, MINUTE, type Job } from './job.js';

/** The bot's periodic work. Every instance runs every job: each is safe to run twice at once across instances. */

/** Finishes the saves a crash interrupted (their journal rows say what is left to apply). */
export function respondentSweepJob(respondents: Pick<RespondentRecords, 'sweep'>): Job {
  return {
    name: 'respondent sweep',
    every: MINUTE,
    run: async () => ({ detail: { finished: await respondents.sweep() } }),
  };
}

/** Aggregate receipts only guard against applying a delta twice in quick succession: a day is ample. */
export function receiptPruningJob(aggregates: { pruneReceipts(olderThanMs: number): Promise<number> }): Job {
  return {
    name: 'pruning receipts',
    every: HOUR,
    run: async () => ({ detail: { removed: await aggregates.pruneReceipts(24 * HOUR) } }),
  };
}

export type ConversationPruning = { failureWindowMs: number; bindingMaxAgeMs: number };

/** Drops failed-code records past their window and conversation bindings no invitation can use any more. */
export function conversationPruningJob(
  conversations: { prune(now: Date, opts: ConversationPruning): Promise<{ removed: number }> },
  clock: Pick<Clock, 'now'>,
  opts: ConversationPruning,
): Job {
  return {
    name: 'pruning conversations',
    every: HOUR,
    run: async () => ({ detail: await conversations.prune(clock.now(), opts) }),
  };
}

/**
 * Worry alerts are sent at once when a family saves; this sends any a restart interrupted and escalates
 * those nobody acknowledged within a working day. Each alert is ETag-claimed, so instances never double up.
 */
export function worryAlertsJob(worries: Pick<WorryAlertsService, 'run'>): Job {
  return {
    name: 'worry alert run',
    every: MINUTE,
    run: async () => {
      const r = await worries.run();
      return r.sent + r.escalated > 0 ? { note: 'worry alerts sent or escalated', detail: r } : { detail: r };
    },
  };
}

/**
 * Checks every hour (at minute 7, away from the hour) and once shortly after start (so a restart on the day
 * still sends) whether a term-end digest is due, and sends it. Running it again is harmless: the send ledger
 * lets each subscriber have each term's digest once, and a run cut short by a restart is finished by the next.
 */
export function termEndDigestsJob(digests: Pick<DigestService, 'runDue'>): Job {
  return {
    name: 'term-end digest run',
    cron: '7 * * * *',
    firstRunAfter: 30_000,
    run: async () => {
      const result = await digests.runDue();
      return 'report' in result
        ? { note: 'term-end digest run', detail: { digestId: result.digestId, report: result.report.text } }
        : { detail: { reason: result.reason } };
    },
  };
}

/**
 * Reminders to families who have not finished (when the reminder templates are set): every minute, and soon after
 * start, so a reminder that fell due while the bot was stopped goes within a minute of start-up once sending hours
 * allow. Outside 09:00-19:00 Monday to Friday (London) a run reads nothing. Each reminder is claimed in the ledger
 * before it is sent, so instances running it at once send each reminder once.
 */
export function familyRemindersJob(reminders: { run(): Promise<ReminderTally> }): Job {
  return {
    name: 'family reminder run',
    every: MINUTE,
    firstRunAfter: 10_000,
    run: async () => {
      const r = await reminders.run();
      const detail = { ...r, errors: r.errors.length };
      if (r.notAuthorised) return { note: 'reminders stopped: GOV.UK Notify did not accept the API key', detail };
      return r.sent + r.refused + r.uncertain + r.leftForLater + r.errors.length > 0
        ? { note: 'family reminders sent', detail }
        : { detail };
    },
  };
}

/**
 * Notices to practitioners: a delivery Notify reported as a permanent failure (sent at once when the receipt
 * comes; this sends any a restart interrupted) and a review meeting two working days away with the survey not
 * finished (from 09:00 that day). Each is claimed by ETag before it is sent, so instances never both send it.
 */
export function staffNoticesJob(notices: { run(): Promise<NoticeRun> }): Job {
  return {
    name: 'practitioner notice run',
    every: MINUTE,
    firstRunAfter: 20_000,
    run: async () => {
      const r = await notices.run();
      return r.sent + r.unreachable > 0 ? { note: 'practitioner notices sent', detail: r } : { detail: r };
    },
  };
}

/**
 * Families' phone numbers and emails go the moment a survey is completed, an invitation replaced or a review
 * erased; this deletes those whose invitation has since expired (and any a crash left behind).
 */
export function contactSweepJob(contacts: Pick<FamilyContactsService, 'sweep'>): Job {
  return {
    name: 'contact sweep',
    every: 15 * MINUTE,
    firstRunAfter: MINUTE,
    run: async () => {
      const r = await contacts.sweep();
      return r.removed > 0 ? { note: 'contacts no longer needed deleted', detail: r } : { detail: r };
    },
  };
}

/**
 * Forgets the own-chat rows (address and display name) of staff who have left: no staff role any more, or
 * not seen for about 13 months. Hourly is ample (a few hundred rows); two instances deleting one row is harmless.
 */
export function staffWhoLeftJob(
  addressBook: Pick<AddressBookService, 'forgetStaffWhoLeft'>,
  roles: { rolesOf(userId: string): Promise<readonly string[]> },
): Job {
  return {
    name: 'forgetting staff who left',
    every: HOUR,
    firstRunAfter: 60_000,
    run: async () => {
      const r = await addressBook.forgetStaffWhoLeft(roles);
      return r.forgotten > 0 ? { note: 'staff who left forgotten', detail: r } : { detail: r };
    },
  };
}
