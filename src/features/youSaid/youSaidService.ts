import { randomUUID } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import { noStaffNames, type StaffNames } from '../../domain/text/displayNames.js';
import type { OutcomeId } from '../../domain/survey/questionBank.js';
import { youSaidInput, type YouSaidEntry } from './domain/youSaidEntry.js';
import type { YouSaidStore } from './youSaidStores.js';

export type SaveYouSaid =
  | { kind: 'saved'; entry: YouSaidEntry; created: boolean }
  | { kind: 'invalid'; message: string }
  | { kind: 'notFound' };

/** "You said, we did": managers add, edit and remove entries; who and when is kept for each change. */
export class YouSaidService {
  constructor(
    private readonly store: YouSaidStore,
    private readonly clock: Clock,
    /** Who added or changed an entry is shown by name (the address book's); entries keep the ids. */
    private readonly staffNames: StaffNames = noStaffNames,
  ) {}

  /** The names of everyone who added or changed these entries, in one lookup. */
  namesFor(entries: readonly YouSaidEntry[]): Promise<(userId: string) => string> {
    return this.staffNames(entries.flatMap((e) => (e.updatedBy ? [e.createdBy, e.updatedBy] : [e.createdBy])));
  }

  /** Adds (no id) or edits (an id) an entry from the form's data; nothing is stored unless it all checks. */
  async save(data: unknown, by: string): Promise<SaveYouSaid> {
    const parsed = youSaidInput.safeParse(data);
    if (!parsed.success) return { kind: 'invalid', message: parsed.error.issues.map((i) => i.message).join(' ') };
    const { id, outcome, youSaid, weDid } = parsed.data;
    const at = this.clock.now().toISOString();
    if (id) {
      const existing = await this.store.get(id);
      if (!existing || existing.removedAt) return { kind: 'notFound' };
      const entry: YouSaidEntry = { ...existing, outcome, youSaid, weDid, updatedBy: by, updatedAt: at };
      await this.store.save(entry);
      return { kind: 'saved', entry, created: false };
    }
    const entry: YouSaidEntry = { id: randomUUID(), outcome, youSaid, weDid, createdBy: by, createdAt: at };
    await this.store.save(entry);
    return { kind: 'saved', entry, created: true };
  }

  async remove(id: string, by: string): Promise<YouSaidEntry | undefined> {
    const existing = await this.store.get(id);
    if (!existing || existing.removedAt) return undefined;
    const entry: YouSaidEntry = { ...existing, removedBy: by, removedAt: this.clock.now().toISOString() };
    await this.store.save(entry);
    return entry;
  }

  get(id: string): Promise<YouSaidEntry | undefined> {
    return this.store.get(id);
  }

  /** Current entries, newest first; only those for `outcomes` when given. */
  async current(outcomes?: readonly OutcomeId[]): Promise<YouSaidEntry[]> {
    const all = await this.store.current();
    return outcomes ? all.filter((e) => outcomes.includes(e.outcome)) : all;
  }
}
