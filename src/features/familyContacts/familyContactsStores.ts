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
};

export interface ContactStore {
  put(contact: HeldContact): Promise<void>;
  get(code: string): Promise<HeldContact | undefined>;
  /** True when a row was there. */
  delete(code: string): Promise<boolean>;
  forReview(reviewRef: string): Promise<HeldContact[]>;
  all(): Promise<HeldContact[]>;
}

export type NotifyMessage = {
  channel: 'sms' | 'email';
  to: string;
  templateId: string;
  personalisation: { link: string; code: string; expires: string; area: string };
  /** Opaque: never a review reference, name, phone or email. */
  reference: string;
};

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
