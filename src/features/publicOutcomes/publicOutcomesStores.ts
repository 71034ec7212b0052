import type { PublicMark } from './domain/publicMark.js';

/** Managers' marks of what may be published; every change is kept. */
export interface PublicMarks {
  add(mark: PublicMark): Promise<void>;
  /** Every mark kept, in no particular order. */
  all(): Promise<PublicMark[]>;
}
