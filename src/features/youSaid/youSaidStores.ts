import type { YouSaidEntry } from './domain/youSaidEntry.js';

/** "You said, we did" entries; a removed one is kept (who and when) but no longer listed. */
export interface YouSaidStore {
  save(entry: YouSaidEntry): Promise<void>;
  get(id: string): Promise<YouSaidEntry | undefined>;
  /** Every entry not removed, newest first. */
  current(): Promise<YouSaidEntry[]>;
}
