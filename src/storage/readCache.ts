import { performance } from 'node:perf_hooks';

/**
 * The one cache policy of the bot. Only repositories cache, only what they read from or wrote to Table
 * Storage, and every cache follows the same three rules:
 *
 * 1. **Age**: an entry is served for at most `maxAgeMs` after it was read or written (by a monotonic
 *    clock), then read again. That bounds how long another instance's write can go unseen.
 * 2. **Write**: after this instance writes, its cache holds exactly what it stored (`wrote`), or nothing
 *    when what is stored is not known — a conflict, a failed write, a delete (`forget`). A read that
 *    was under way during the write does not put an older value back.
 * 3. **Size**: at most `maxEntries`; the least recently used go first.
 *
 * Where an entry carries an ETag, a stale copy costs one conflict and a re-read, never a wrong write.
 */
export type ReadCacheOptions = {
  maxEntries: number;
  maxAgeMs: number;
  /** Whether a read that found nothing is kept too (false: absence is always asked again). */
  keepMissing?: boolean;
  /** Milliseconds on a monotonic clock; tests drive it by hand. */
  now?: () => number;
};

type Entry<V> = { value: V; at: number };

export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /**
   * When each key was last written or forgotten, on a counter of changes, so that a read which overlapped
   * a change is not kept. Keys not in the map last changed at or before `floor`.
   */
  private readonly changedAt = new Map<string, number>();
  private changes = 0;
  private floor = 0;
  private readonly now: () => number;

  constructor(private readonly options: ReadCacheOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** The key's value: the kept copy while young enough, else `load`'s (kept by the rules above). */
  async get(key: string, load: () => Promise<V>, opts: { fresh?: boolean } = {}): Promise<V> {
    const hit = opts.fresh ? undefined : this.young(key);
    if (hit) return hit.value;
    const start = this.changes;
    const value = await load();
    if (this.unchangedSince(key, start)) this.keep(key, value);
    return value;
  }

  /** Several keys; `load` is called once, with the keys that need reading. */
  async getMany(keys: readonly string[], load: (keys: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
    const out = new Map<string, V>();
    const missing: string[] = [];
    for (const key of keys) {
      const hit = this.young(key);
      if (hit) out.set(key, hit.value);
      else missing.push(key);
    }
    if (missing.length > 0) {
      const start = this.changes;
      const loaded = await load(missing);
      for (const key of missing) {
        const value = loaded.get(key) as V;
        out.set(key, value);
        if (this.unchangedSince(key, start)) this.keep(key, value);
      }
    }
    return out;
  }

  /**
   * Runs a write of `key` under the write rule: afterwards the cache holds `stored(result)` when the
   * repository knows the whole stored value, and nothing otherwise — nor when the write fails, since
   * then what is stored is not known.
   */
  async write<T>(key: string, write: () => Promise<T>, stored?: (result: T) => V): Promise<T> {
    try {
      const result = await write();
      if (stored) this.wrote(key, stored(result));
      else this.forget(key);
      return result;
    } catch (error) {
      this.forget(key);
      throw error;
    }
  }

  /** This instance stored `value` under `key`: it is what a read would now find. */
  wrote(key: string, value: V): void {
    this.changed(key);
    this.keep(key, value);
  }

  /** What is stored under `key` is no longer known here. */
  forget(key: string): void {
    this.changed(key);
    this.entries.delete(key);
  }

  forgetAll(): void {
    this.changes++;
    this.floor = this.changes;
    this.changedAt.clear();
    this.entries.clear();
  }

  private young(key: string): Entry<V> | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (this.now() - hit.at > this.options.maxAgeMs) return undefined;
    this.entries.set(key, hit); // most recently used last
    return hit;
  }

  private keep(key: string, value: V): void {
    if (value === undefined && !this.options.keepMissing) {
      this.entries.delete(key);
      return;
    }
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.now() });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  private changed(key: string): void {
    this.changedAt.set(key, ++this.changes);
    // Bounded like the entries: forgetting every key's history at once makes reads under way now unkept.
    if (this.changedAt.size > this.options.maxEntries * 2) {
      this.floor = this.changes;
      this.changedAt.clear();
    }
  }

  private unchangedSince(key: string, start: number): boolean {
    return (this.changedAt.get(key) ?? this.floor) <= start;
  }
}
