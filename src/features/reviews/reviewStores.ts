/** One look at a review's answers: who, which review, when, and how (in chat, or its printable page). */
export type ReviewView = { reviewRef: string; viewer: string; at: string; how: 'chat' | 'print' };

/**
 * The record of who saw a family's answers. It outlives an erasure of the review's answers: it says what
 * staff did (holding only the pseudonymous reference and staff ids), which is what an audit is for.
 */
export interface ReviewViewLog {
  record(view: ReviewView): Promise<void>;
  /** Newest first. */
  list(reviewRef: string): Promise<ReviewView[]>;
}
