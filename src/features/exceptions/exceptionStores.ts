import type { ExceptionNote } from './domain/exceptionNote.js';

/** Managers' commentary on exceptions. Every save is kept, so who wrote what and when stays on record. */
export interface ExceptionNotes {
  add(note: ExceptionNote): Promise<void>;
  /** Every note kept, in no particular order. */
  all(): Promise<ExceptionNote[]>;
}
