import type { RespondentRole } from '../../domain/survey/questionBank.js';

/**
 * What holding a family's phone number or email needs from outside: its own table (sealed, never plain) and
 * GOV.UK Notify. A row lives only while its invitation can still be answered.
 */
export type HeldContact = {
  /** The invitation the contact belongs to (the row's key; the sealed value is bound to it). */
  code: string;
  reviewRef: string;
  role: RespondentRole;
  channel: 'sms' | 'email';
  /** AES-256-GCM, see domain/contactCipher.ts. */
  sealed: string;
  createdAt: string;
  /** The invitation's last day: the row is deleted after it. */
  expiresAt: string;
  /** When to look again for a reminder to send (ISO); absent when none is to come. A hint: the ledger decides. */
  nextReminderAt?: string;
};

export interface ContactStore {
  put(contact: HeldContact): Promise<void>;
  get(code: string): Promise<HeldContact | undefined>;
  /** True when a row was there. */
  delete(code: string): Promise<boolean>;
  forReview(reviewRef: string): Promise<HeldContact[]>;
  all(): Promise<HeldContact[]>;
  /** Contacts whose next reminder is due at or before `at` (ISO). */
  remindersDue(at: string): Promise<HeldContact[]>;
  /** Moves the next reminder on (undefined: none to come). False, and nothing written, when the contact is gone. */
  setNextReminder(code: string, at: string | undefined): Promise<boolean>;
}

/** The invitation a message belongs to, and which message: the invitation itself or reminder n (from 1). */
export type MessageKind = 'invitation' | `reminder-${number}`;
export const reminderKind = (n: number): MessageKind => `reminder-${n}`;

/**
 * One message to a family, as the ledger holds it (table `familymessages`), never with its recipient:
 * claimed → sending → sent | notSent | uncertain, and back to claimed between retries (as the digests' ledger).
 * `uncertain`: its sender stopped mid-request, so it may have gone; it is never sent again.
 */
export type MessageState = 'claimed' | 'sending' | 'sent' | 'notSent' | 'uncertain';
/** What GOV.UK Notify's delivery receipt said. */
export type DeliveryStatus = 'delivered' | 'permanent-failure' | 'temporary-failure' | 'technical-failure';

export type FamilyMessage = {
  code: string;
  kind: MessageKind;
  reviewRef: string;
  role: RespondentRole;
  channel: 'sms' | 'email';
  state: MessageState;
  /** Opaque and random: what Notify's receipt names it by. */
  reference: string;
  notificationId?: string;
  sentAt?: string;
  delivery?: DeliveryStatus;
  deliveryAt?: string;
  /** Why it was not sent, or is still waiting (a status, never a recipient). */
  detail?: string;
  instance: string;
  leaseUntil: string;
  attempts: number;
  updatedAt: string;
};

/** The right to send one message, held by one instance until its lease ends. */
/** `reference`: the one the message goes with (a message taken over keeps its first claimant's). */
export type MessageClaim = { code: string; kind: MessageKind; reference: string; etag: string; attempts: number };
export type NewMessage = Pick<FamilyMessage, 'code' | 'kind' | 'reviewRef' | 'role' | 'channel' | 'reference'>;

/** Every message sent to a family, claimed before it is sent, so no instance sends one twice. */
export interface FamilyMessageLedger {
  /** Records the invitation, sent in the practitioner's own turn (its invitation is new: nobody else sends it). */
  recordSent(message: NewMessage, notificationId: string, at: Date): Promise<void>;
  /**
   * Takes the right to send one message; else `done` (sent, refused, or interrupted mid-send: it is then recorded
   * as uncertain) or `held` (another instance has it, within its lease).
   */
  claim(message: NewMessage, instance: string, now: Date): Promise<MessageClaim | 'done' | 'held'>;
  /** Moves a claimed message on (ETag-checked: a message taken over by another instance is never overwritten). */
  move(
    claim: MessageClaim,
    state: MessageState,
    now: Date,
    extra?: { attempt?: boolean; notificationId?: string; detail?: string; leaseMs?: number },
  ): Promise<MessageClaim>;
  forInvitation(code: string): Promise<FamilyMessage[]>;
  /** The family asked for no more reminders ("Stop reminders" on their page): when, kept for "my invitations". */
  recordOptOut(code: string, reviewRef: string, at: Date): Promise<void>;
  optedOutAt(code: string): Promise<string | undefined>;
  /** The message a receipt names, by its reference, with its ETag. */
  byReference(reference: string): Promise<(FamilyMessage & { etag: string }) | undefined>;
  /** Records a delivery receipt if the message has not changed since it was read; false when it had. */
  recordDelivery(message: FamilyMessage & { etag: string }, status: DeliveryStatus, at: string): Promise<boolean>;
  /** Erasure: every message of a review; returns how many. */
  eraseReview(reviewRef: string): Promise<number>;
}

export type NotifyMessage = {
  channel: 'sms' | 'email';
  to: string;
  templateId: string;
  personalisation: { link: string; code: string; expires: string; area: string };
  /** Opaque: never a review reference, name, phone or email. */
  reference: string;
};

/**
 * What one request to Notify came to, before any retry: a final answer (sent, refused, not authorised), a
 * 429 or 5xx / network failure that sent nothing and may be tried again, or no answer in time (it may have gone).
 */
export type NotifyAttemptOutcome =
  | Exclude<NotifyOutcome, { kind: 'unavailable' }>
  | { kind: 'throttled'; retryAfterMs?: number }
  | { kind: 'transient'; status: number }
  | { kind: 'noAnswer' };
export type NotifyAttempt = (message: NotifyMessage) => Promise<NotifyAttemptOutcome>;

/** What became of one message, in terms the practitioner can be told. */
export type NotifyOutcome =
  | { kind: 'sent'; notificationId: string }
  /** 400: Notify would not send to this recipient or with this template (a bad number, a trial-mode service). */
  | { kind: 'refused'; why: 'recipient' | 'setup' }
  /** 403: the API key was not accepted. */
  | { kind: 'notAuthorised' }
  /** 429 or 5xx after every retry, or no answer: nothing was sent. */
  | { kind: 'unavailable' };

export type NotifySender = (message: NotifyMessage) => Promise<NotifyOutcome>;

/**
 * A message to a practitioner about a family they invited (table `staffnotices`), sent once in their 1:1 chat:
 * a text or email Notify could not deliver (a permanent failure), or a review meeting two working days away with
 * the family's survey not finished. `id` is deterministic, so a notice is made once however often it is asked for.
 */
export type StaffNotice = {
  id: string;
  kind: 'deliveryFailed' | 'meetingSoon';
  /** The practitioner who made the invitation (their Teams user id). */
  userId: string;
  reviewRef: string;
  role: RespondentRole;
  code: string;
  /** deliveryFailed: which message, and how it went. */
  message?: MessageKind;
  channel?: 'sms' | 'email';
  /** meetingSoon: the meeting's date. */
  meetingOn?: string;
  /** Not sent before (ISO). */
  dueAt: string;
  /** scheduled → sending → sent | unreachable (no 1:1 chat, or the send failed) | cancelled (no longer needed). */
  state: 'scheduled' | 'sending' | 'sent' | 'unreachable' | 'cancelled';
  sendingSince?: string;
  sentAt?: string;
  detail?: string;
};

export interface StaffNoticeStore {
  /** Stores a new notice; false when one with its id is already there (nothing changes). */
  create(notice: StaffNotice): Promise<boolean>;
  get(id: string): Promise<(StaffNotice & { etag: string }) | undefined>;
  /** Scheduled notices due by `at`, and those left sending since before `staleBefore` (their sender stopped). */
  due(at: string, staleBefore: string): Promise<(StaffNotice & { etag: string })[]>;
  /** Replaces the notice if unchanged since read: its new ETag, or undefined when another instance changed it. */
  replace(notice: StaffNotice, etag: string): Promise<string | undefined>;
  /** Erasure: every notice of a review; returns how many. */
  eraseReview(reviewRef: string): Promise<number>;
}
