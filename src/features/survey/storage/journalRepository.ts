import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { TABLES, type TableStore } from '../../../storage/tableStore.js';

export type JournalEntry = { respondent: string; opId: string; shard: number; delta: string; at: string };

/**
 * Operations in flight. A row is written before an operation's answers, and removed once its aggregate
 * delta is applied, so a sweep can finish what a crash interrupted. Removal is not urgent (a leftover row
 * only makes the sweep check an operation that is already applied), so removals are batched.
 */
export class JournalRepository {
  private readonly toRemove: string[] = [];
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.journal);
  }

  static rowKey(respondent: string, opId: string): string {
    return `${encodeURIComponent(respondent)}~${opId}`;
  }

  async add(entry: JournalEntry): Promise<void> {
    await (
      await this.table()
    ).createEntity({
      partitionKey: 'pending',
      rowKey: JournalRepository.rowKey(entry.respondent, entry.opId),
      ...entry,
    });
  }

  /** Removes now (used when the operation never committed). */
  async removeNow(respondent: string, opId: string): Promise<void> {
    await (
      await this.table()
    )
      .deleteEntity('pending', JournalRepository.rowKey(respondent, opId))
      .catch(() => undefined);
  }

  /** Queues a removal; rows are deleted in transactions of up to 100 shortly after. */
  removeSoon(respondent: string, opId: string): void {
    this.toRemove.push(JournalRepository.rowKey(respondent, opId));
    // A failed flush leaves rows for the sweep to remove; nothing depends on it succeeding.
    if (this.toRemove.length >= 100) this.flush().catch(() => undefined);
    else this.timer ??= setTimeout(() => this.flush().catch(() => undefined), 250);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.flushing) await this.flushing;
    if (this.toRemove.length === 0) return;
    const batch = this.toRemove.splice(0, 100);
    this.flushing = this.deleteAll(batch).finally(() => (this.flushing = undefined));
    await this.flushing;
    if (this.toRemove.length > 0) await this.flush();
  }

  private async deleteAll(rowKeys: string[]): Promise<void> {
    const client = await this.table();
    try {
      await client.submitTransaction(
        rowKeys.map((rk): TransactionAction => ['delete', { partitionKey: 'pending', rowKey: rk }]),
      );
    } catch {
      // One row was already removed (by a sweep): remove the rest one by one.
      for (const rk of rowKeys) await client.deleteEntity('pending', rk).catch(() => undefined);
    }
  }

  async olderThan(cutoffIso: string): Promise<(JournalEntry & { rowKey: string })[]> {
    const out: (JournalEntry & { rowKey: string })[] = [];
    for await (const e of (await this.table()).listEntities<JournalEntry>({
      queryOptions: { filter: odata`PartitionKey eq 'pending' and at lt ${cutoffIso}` },
    }))
      out.push({ ...e, rowKey: e.rowKey! });
    return out;
  }
}
