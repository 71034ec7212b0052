import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { Delta } from '../../domain/scores/aggregateDelta.js';
import { getOrUndefined, isConflict, submitChecked, TABLES, type TableStore } from '../tableStore.js';

/**
 * Counters in the `aggregates` table. PartitionKey = term id; RowKey = `<row>~<shard>`. Each respondent
 * always writes to one shard (by a hash of who they are), so concurrent families rarely contend for the
 * same entity, and a question sums a few shards instead of reading answers.
 * Applying a delta is idempotent: the shards' new values and a receipt row for the operation are written
 * in one transaction (same partition), so a replay after a crash finds the receipt and does nothing.
 */
export const SHARDS = 8;
const RECEIPT_PREFIX = '~r~';

export type CounterRow = Record<string, number>;

export function shardOf(respondent: string): number {
  let h = 2166136261;
  for (let i = 0; i < respondent.length; i++) h = Math.imul(h ^ respondent.charCodeAt(i), 16777619);
  return (h >>> 0) % SHARDS;
}

const shardKey = (row: string, shard: number) => `${row}~${String(shard).padStart(2, '0')}`;

export class AggregatesRepository {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.aggregates);
  }

  async apply(opId: string, delta: Delta, shard: number): Promise<void> {
    const client = await this.table();
    for (const [term, rows] of delta) {
      const receipt = `${RECEIPT_PREFIX}${opId}`;
      for (let attempt = 1; ; attempt++) {
        if (await getOrUndefined(client, term, receipt)) break; // already applied
        const actions: TransactionAction[] = [['create', { partitionKey: term, rowKey: receipt, at: new Date().toISOString() }]];
        const current = await Promise.all([...rows.keys()].map((row) => getOrUndefined<CounterRow>(client, term, shardKey(row, shard))));
        [...rows].forEach(([row, increments], i) => {
          const existing = current[i];
          const next: CounterRow = {};
          for (const [field, value] of Object.entries(existing ?? {})) if (typeof value === 'number') next[field] = value;
          for (const [field, by] of Object.entries(increments)) next[field] = (next[field] ?? 0) + by;
          const entity = { partitionKey: term, rowKey: shardKey(row, shard), ...next };
          actions.push(existing ? ['update', entity, 'Replace', { etag: existing.etag }] : ['create', entity]);
        });
        try {
          await submitChecked(client, actions);
          break;
        } catch (error) {
          if (!isConflict(error) || attempt >= 50) throw error;
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(100, 2 * 2 ** attempt)));
        }
      }
    }
  }

  /** Counters of one term, shards summed: row -> field -> total. Reads only that term's counters. */
  async readTerm(term: string): Promise<Map<string, CounterRow>> {
    const client = await this.table();
    const totals = new Map<string, CounterRow>();
    const entities = client.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${term} and RowKey lt ${'~'}` } });
    for await (const entity of entities) {
      const row = entity.rowKey!.slice(0, entity.rowKey!.lastIndexOf('~'));
      const sum = totals.get(row) ?? {};
      for (const [field, value] of Object.entries(entity)) if (typeof value === 'number') sum[field] = (sum[field] ?? 0) + value;
      totals.set(row, sum);
    }
    return totals;
  }

  /** Every counter of every term (for the rebuild check). */
  async readAll(): Promise<Map<string, Map<string, CounterRow>>> {
    const client = await this.table();
    const terms = new Set<string>();
    for await (const e of client.listEntities({ queryOptions: { select: ['PartitionKey'] } })) terms.add(e.partitionKey!);
    const all = new Map<string, Map<string, CounterRow>>();
    for (const term of terms) all.set(term, await this.readTerm(term));
    return all;
  }

  /** Removes receipts older than `olderThanMs`; their operations finished long ago. */
  async pruneReceipts(olderThanMs: number): Promise<number> {
    const client = await this.table();
    const cutoff = new Date(Date.now() - olderThanMs).toISOString();
    let removed = 0;
    const old = client.listEntities<{ at: string }>({ queryOptions: { filter: odata`RowKey ge ${RECEIPT_PREFIX} and RowKey lt ${'~s'} and at lt ${cutoff}` } });
    for await (const r of old) {
      await client.deleteEntity(r.partitionKey!, r.rowKey!).catch(() => undefined);
      removed++;
    }
    return removed;
  }

  /** Replaces every counter (rebuild --write). */
  async replaceAll(expected: Map<string, Map<string, CounterRow>>): Promise<void> {
    const client = await this.table();
    for await (const e of client.listEntities()) await client.deleteEntity(e.partitionKey!, e.rowKey!);
    for (const [term, rows] of expected) {
      const actions: TransactionAction[] = [...rows].map(([row, fields]) => ['upsert', { partitionKey: term, rowKey: shardKey(row, 0), ...fields }, 'Replace']);
      for (let i = 0; i < actions.length; i += 100) await submitChecked(client, actions.slice(i, i + 100));
    }
  }
}
