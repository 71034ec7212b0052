import type { RespondentState } from './domain/respondentState.js';
import type { RespondentRole } from '../../domain/survey/questionBank.js';
import type { Understanding } from '../../understanding/types.js';

/** The storage the survey needs: invitations, which chat holds which code, and each respondent's answers. */

export type Invitation = {
  code: string;
  reviewRef: string;
  role: RespondentRole;
  term: string;
  createdAt: string;
  expiresAt: string;
  createdBy: string;
  /** When the family first opened it (typed the code or opened the link). */
  openedAt?: string;
  /** When a fresh link replaced it: the code no longer works. */
  revokedAt?: string;
  /** The review meeting's date, when the practitioner gave it: reminders stop before it. */
  meetingOn?: string;
};

export interface InvitationStore {
  /** Creates the invitation unless its code is taken; false when taken. */
  tryCreate(invitation: Invitation): Promise<boolean>;
  get(code: string): Promise<Invitation | undefined>;
  /** Past any cached copy: for decisions another instance may have changed. */
  getFresh(code: string): Promise<Invitation | undefined>;
  markOpened(invitation: Invitation, at: string): Promise<void>;
  revoke(code: string, at: string): Promise<void>;
  byCreator(createdBy: string): Promise<Invitation[]>;
  forReview(reviewRef: string): Promise<Invitation[]>;
  delete(code: string): Promise<void>;
}

/** Which invitation a chat is answering, and its failed code attempts (to lock out guessing). */
export interface ConversationBindings {
  boundCode(conversationId: string, opts?: { fresh?: boolean }): Promise<string | undefined>;
  bind(conversationId: string, code: string, at: Date): Promise<void>;
  recentFailures(conversationId: string, windowMs: number, now: Date): Promise<string[]>;
  /** Records one failed attempt; returns how many there are now within the window. */
  recordFailure(conversationId: string, windowMs: number, now: Date): Promise<number>;
}

export type AnswerRow = {
  questionId: string;
  section: string;
  term: string;
  submittedOn: string;
  score?: number;
  /** No score: "prefer not to say", or with `unclear` "I don't understand this question". */
  skipped: boolean;
  text?: string;
  unclear?: true;
};

/** A change to one respondent: their next state (undefined erases them), answer rows to write and to delete. */
export type Mutation = { next: RespondentState | undefined; writes: AnswerRow[]; deletes: string[] };
export type MutationResult = { changed: boolean; state: RespondentState | undefined };

/**
 * Each respondent's state and answers. `mutate` is atomic per respondent and keeps the aggregate
 * counters in step; `change` may run more than once (on a conflict) and returns undefined for "no change".
 */
export interface RespondentRecords {
  read(reviewRef: string, role: RespondentRole): Promise<RespondentState | undefined>;
  answerRows(reviewRef: string, role: RespondentRole): Promise<AnswerRow[]>;
  mutate(
    reviewRef: string,
    role: RespondentRole,
    change: (current: RespondentState | undefined) => Mutation | undefined,
  ): Promise<MutationResult>;
  deleteStrayAnswers(reviewRef: string, role: RespondentRole): Promise<number>;
  /** Finishes any change a crash left half-done, older than the given age. */
  sweep(olderThanMs?: number): Promise<number>;
  scanAll(): AsyncIterable<{ state: RespondentState; answers: AnswerRow[] }>;
  /** The archived references of earlier years' answers of a review (`AR-1042@2025-26`), oldest first. */
  archivedRefs(reviewRef: string): Promise<string[]>;
}

/**
 * The last question a conversation asked (outcome, respondents, terms, service or measure — never a
 * person), so a short follow-up ("what about last term?") is read against it for a while.
 */
export interface AskContext {
  /** The question remembered for the conversation, if it was asked after `since`. */
  lastQuestion(conversationId: string, since: Date): Promise<Understanding | undefined>;
  rememberQuestion(conversationId: string, question: Understanding, at: Date): Promise<void>;
}
