import type { RespondentRole } from '../../domain/survey/questionBank.js';

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
  /**
   * `pending`: held while the save that raised it is decided — never sent, listed or escalated; made `new`
   * when the save is accepted, removed when it is refused (or settled by the periodic run after a crash).
   */
  status: 'pending' | 'new' | 'sending' | 'sent' | 'acknowledged';
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
  /** Stores a new alert: its ETag, or undefined when one with its id is already there (nothing changes). */
  create(alert: WorryAlert): Promise<string | undefined>;
  get(id: string): Promise<(WorryAlert & { etag: string }) | undefined>;
  /** Replaces the alert if it has not changed since it was read: its new ETag, or undefined when someone else changed it. */
  replace(alert: WorryAlert, etag: string): Promise<string | undefined>;
  /** Removes the alert if it has not changed since it was read; false when it changed or is gone. */
  remove(id: string, etag: string): Promise<boolean>;
  /** Every alert to send or escalate: not pending, not yet acknowledged. */
  open(): Promise<(WorryAlert & { etag: string })[]>;
  /** Pending alerts raised before the given time (their save's outcome was never recorded). */
  pendingBefore(raisedBefore: string): Promise<(WorryAlert & { etag: string })[]>;
  /** Removes every alert of a review (erasure); returns how many. */
  eraseReview(reviewRef: string): Promise<number>;
}
