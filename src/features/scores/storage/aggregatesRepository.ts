import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { Delta } from '../domain/aggregateDelta.js';
import { getOrUndefined, isConflict, submitChecked, TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { ReadCache } from '../../../storage/readCache.js';
import type { AggregateCounters, AggregateMaintenance, CounterRow, TermCounters } from '../scoreStores.js';

/**
 * Counters in the `aggregates` table. PartitionKey = term id; RowKey = `<row>~<shard>`. Each respondent
 * always writes to one shard (by a hash of who they are), so concurrent families rarely contend for the
 * same entity, and a question sums a few shards instead of reading answers.
 * Applying a delta is idempotent: the shards' new values and a receipt row for the operation are written
 * in one transaction (same partition), so a replay after a crash finds the receipt and does nothing.
 */
export const SHARDS = 8;
const RECEIPT_PREFIX = '~r~';

export function shardOf(respondent: string): number {
  let h = 2166136261;
  for (let i = 0; i < respondent.length; i++) h = Math.imul(h ^ respondent.charCodeAt(i), 16777619);
  return (h >>> 0) % SHARDS;
}

/**
 * A counter row keeps its counts as one JSON property: a question reads ~100 rows, and one string each
 * deserialises far faster than ~40 typed properties each.
 */
/** A counter row as last read or written here, with its ETag; undefined when there is none. */
type Known = { values: CounterRow; etag: string } | undefined;

function countersOf(entity: Record<string, unknown>): CounterRow {
  return typeof entity.counts === 'string' ? (JSON.parse(entity.counts) as CounterRow) : {};
}
const counterEntity = (term: string, rowKey: string, counts: CounterRow) => ({
  partitionKey: term,
  rowKey,
  counts: JSON.stringify(counts),
});

const shardKey = (row: string, shard: number) => `${row}~${String(shard).padStart(2, '0')}`;

export class AggregatesRepository implements AggregateCounters, AggregateMaintenance {
  /**
   * The counters questions are answered from, per term (shards summed): read in one query for all the
   * terms a question needs and kept for at most 5 s. This instance's writes to a term forget it (the write
   * rule of ReadCache), so after a family saves a section the next question here reads afresh; another
   * instance's writes show within 5 s. Nothing here ever reads answers.
   */
  private readonly termCounters: ReadCache<Map<string, CounterRow>>;

  read(terms: string[]): Promise<TermCounters> {
    return this.termCounters.getMany(terms, (missing) => this.readTerms(missing));
  }

  /** Drops every kept copy (after writing around this repository, e.g. the benchmark's seeding). */
  forgetCopies(): void {
    this.known.forgetAll();
    this.termCounters.forgetAll();
  }

  constructor(private readonly store: TableStore) {
    this.termCounters = store.cache({ maxEntries: 64, maxAgeMs: 5_000 });
    this.known = store.cache({ maxEntries: 50_000, maxAgeMs: 10 * 60_000, keepMissing: true });
  }

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.aggregates);
  }

  /**
   * Last known value and ETag of each counter row this process wrote or read. A stale entry (another
   * instance wrote since) only costs a refused write and a re-read: the ETag check keeps it correct.
   */
  private readonly known: ReadCache<Known>;

  /** The new value of each counter row (its current value plus the increments), as ETag-checked writes. */
  private async counterWrites(
    client: TableClient,
    term: string,
    increments: Map<string, Record<string, number>>,
  ): Promise<{ actions: TransactionAction[]; written: [string, CounterRow][] }> {
    const keys = [...increments.keys()];
    const current = await Promise.all(keys.map((key) => this.current(client, term, key)));
    const actions: TransactionAction[] = [];
    const written: [string, CounterRow][] = [];
    keys.forEach((key, i) => {
      const existing = current[i]!;
      const next: CounterRow = { ...existing?.values };
      for (const [field, by] of Object.entries(increments.get(key)!)) next[field] = (next[field] ?? 0) + by;
      const entity = counterEntity(term, key, next);
      actions.push(existing ? ['update', entity, 'Replace', { etag: existing.etag }] : ['create', entity]);
      written.push([key, next]);
    });
    return { actions, written };
  }

  async apply(opId: string, delta: Delta, shard: number): Promise<void> {
    const client = await this.table();
    for (const [term, rows] of delta) {
      const receipt = `${RECEIPT_PREFIX}${opId}`;
      const increments = new Map([...rows].map(([row, by]) => [shardKey(row, shard), by]));
      const keys = [...increments.keys()];
      try {
        await this.applyToTerm(client, term, receipt, increments, keys);
      } finally {
        this.termCounters.forget(term);
      }
    }
  }

  /** One operation's increments to one term's counter rows, with its receipt; retried on conflicts. */
  private async applyToTerm(
    client: TableClient,
    term: string,
    receipt: string,
    increments: Map<string, Record<string, number>>,
    keys: string[],
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const counters = await this.counterWrites(client, term, increments);
      const actions: TransactionAction[] = [
        ['create', { partitionKey: term, rowKey: receipt, at: new Date().toISOString() }],
        ...counters.actions,
      ];
      try {
        const response = await submitChecked(client, actions);
        this.remember(term, counters.written, response?.subResponses.slice(1) ?? []);
        return;
      } catch (error) {
        if (!isConflict(error) || attempt >= 50) throw error;
        for (const key of keys) this.known.forget(`${term}|${key}`);
        // Either another writer changed a counter (retry with fresh values) or this operation was
        // applied before (its receipt exists: nothing more to do).
        if (await getOrUndefined(client, term, receipt)) return;
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(100, 2 * 2 ** attempt)));
      }
    }
  }

  /**
   * Applies several operations' deltas in one transaction per term: their increments merged per counter
   * row, plus a receipt for each. Throws on any conflict; the caller then applies them one by one.
   */
  async applyMany(ops: { opId: string; delta: Delta; shard: number }[]): Promise<void> {
    const client = await this.table();
    const terms = new Set(ops.flatMap((o) => [...o.delta.keys()]));
    for (const term of terms) {
      const touching = ops.filter((o) => o.delta.has(term));
      const merged = new Map<string, Record<string, number>>();
      for (const op of touching) {
        for (const [row, increments] of op.delta.get(term)!) {
          const key = shardKey(row, op.shard);
          const m = merged.get(key) ?? {};
          merged.set(key, m);
          for (const [field, by] of Object.entries(increments)) m[field] = (m[field] ?? 0) + by;
        }
      }
      if (merged.size + touching.length > 100) {
        // Too many rows for one transaction: split the operations and write each half.
        const half = Math.ceil(ops.length / 2);
        await this.applyMany(ops.slice(0, half));
        await this.applyMany(ops.slice(half));
        return;
      }
      const at = new Date().toISOString();
      const actions: TransactionAction[] = touching.map((o) => [
        'create',
        { partitionKey: term, rowKey: `${RECEIPT_PREFIX}${o.opId}`, at },
      ]);
      const counters = await this.counterWrites(client, term, merged);
      actions.push(...counters.actions);
      const written = counters.written;
      try {
        const response = await submitChecked(client, actions);
        this.remember(term, written, response?.subResponses.slice(touching.length) ?? []);
      } catch (error) {
        for (const key of merged.keys()) this.known.forget(`${term}|${key}`);
        throw error;
      } finally {
        this.termCounters.forget(term);
      }
    }
  }

  /** `responses` are the sub-responses of the counter rows, in the order they were written. */
  private remember(term: string, written: [string, CounterRow][], responses: { etag?: string }[]): void {
    for (const [i, [key, values]] of written.entries()) {
      const etag = responses[i]?.etag;
      if (etag) this.known.wrote(`${term}|${key}`, { values, etag });
      else this.known.forget(`${term}|${key}`);
    }
  }

  private async current(client: TableClient, term: string, key: string): Promise<Known> {
    return this.known.get(`${term}|${key}`, async () => {
      const entity = await getOrUndefined<Record<string, unknown>>(client, term, key);
      return entity ? { values: countersOf(entity), etag: entity.etag } : undefined;
    });
  }

  /** Counters of one term, shards summed: row -> field -> total. Reads only that term's counter rows. */
  async readTerm(term: string): Promise<Map<string, CounterRow>> {
    return (await this.readTerms([term])).get(term)!;
  }

  /** Counters of several terms in one query (a question reads this term and the one before). */
  async readTerms(terms: string[]): Promise<Map<string, Map<string, CounterRow>>> {
    const client = await this.table();
    const out = new Map<string, Map<string, CounterRow>>(terms.map((t) => [t, new Map()]));
    const unique = [...new Set(terms)];
    const filter = unique.map((t) => odata`(PartitionKey eq ${t} and RowKey lt ${'~'})`).join(' or ');
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: { filter, select: ['PartitionKey', 'RowKey', 'counts'] },
    })) {
      const totals = out.get(entity.partitionKey!)!;
      const row = entity.rowKey!.slice(0, entity.rowKey!.lastIndexOf('~'));
      const sum = totals.get(row) ?? {};
      for (const [field, value] of Object.entries(countersOf(entity))) sum[field] = (sum[field] ?? 0) + value;
      totals.set(row, sum);
    }
    return out;
  }

  /** Every counter of every term (for the rebuild check). */
  async readAll(): Promise<Map<string, Map<string, CounterRow>>> {
    const client = await this.table();
    const terms = new Set<string>();
    for await (const e of client.listEntities({ queryOptions: { select: ['PartitionKey'] } }))
      terms.add(e.partitionKey!);
    const all = new Map<string, Map<string, CounterRow>>();
    for (const term of terms) all.set(term, await this.readTerm(term));
    return all;
  }

  /** Removes receipts older than `olderThanMs`; their operations finished long ago. */
  async pruneReceipts(olderThanMs: number): Promise<number> {
    const client = await this.table();
    const cutoff = new Date(Date.now() - olderThanMs).toISOString();
    let removed = 0;
    const old = client.listEntities<{ at: string }>({
      queryOptions: { filter: odata`RowKey ge ${RECEIPT_PREFIX} and RowKey lt ${'~s'} and at lt ${cutoff}` },
    });
    for await (const r of old) {
      await client.deleteEntity(r.partitionKey!, r.rowKey!).catch(() => undefined);
      removed++;
    }
    return removed;
  }

  /** Replaces every counter (rebuild --write). */
  async replaceAll(expected: Map<string, Map<string, CounterRow>>): Promise<void> {
    const client = await this.table();
    this.forgetCopies();
    for await (const e of client.listEntities()) await client.deleteEntity(e.partitionKey!, e.rowKey!);
    for (const [term, rows] of expected) {
      const actions: TransactionAction[] = [...rows].map(([row, fields]) => [
        'upsert',
        counterEntity(term, shardKey(row, 0), fields),
        'Replace',
      ]);
      for (let i = 0; i < actions.length; i += 100) await submitChecked(client, actions.slice(i, i + 100));
    }
    this.forgetCopies(); // what was read while the rows were replaced is not kept
  }
}
