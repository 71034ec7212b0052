/** One look at a board pack: who, which period, when, and how (the page, or its PDF). */
export type ReportView = { report: string; viewer: string; at: string; how: 'link' | 'html' | 'pdf' };

/** The record of who opened the board pack (a restricted view, recorded like a review's answers). */
export interface ReportViewLog {
  record(view: ReportView): Promise<void>;
  /** Newest first. */
  list(): Promise<ReportView[]>;
}
