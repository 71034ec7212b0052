import type { RespondentRole } from '../domain/survey/questionBank.js';

/**
 * A family's answer that a person should read today, and what has happened to it. `id` is a fingerprint
 * of the review, respondent, question and answer, so the same answer never raises a second alert.
 */
export type WorryAlert = {
  id: string;
  reviewRef: string;
  role: RespondentRole;
  questionId: string;
  /** The prompt or question it answers, and what was written or chosen, exactly. */
  asked: string;
  answer: string;
  /** Why it was raised: the phrases found, or the "feeling safe" question. */
  reasons: string[];
  raisedAt: string;
  /** The practitioner who made the review's invitation (their Teams user id). */
  inviter?: string;
  status: 'new' | 'sending' | 'sent' | 'acknowledged';
  sendingSince?: string;
  sentAt?: string;
  escalatedAt?: string;
  escalatedTo?: string[];
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  /** Why it could not reach the practitioner (then it goes to administrators at once). */
  problem?: string;
};

export interface WorryAlertStore {
  /** Stores a new alert; 'exists' when one with its id is already there (nothing changes). */
  create(alert: WorryAlert): Promise<'created' | 'exists'>;
  get(id: string): Promise<(WorryAlert & { etag: string }) | undefined>;
  /** Replaces the alert if it has not changed since it was read: its new ETag, or undefined when someone else changed it. */
  replace(alert: WorryAlert, etag: string): Promise<string | undefined>;
  /** Every alert not yet acknowledged. */
  open(): Promise<(WorryAlert & { etag: string })[]>;
  /** Removes every alert of a review (erasure); returns how many. */
  eraseReview(reviewRef: string): Promise<number>;
}
