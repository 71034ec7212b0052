import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { OUTCOME_IDS } from '../../../domain/survey/questionBank.js';
import type { YouSaidEntry } from '../domain/youSaidEntry.js';
import type { YouSaidStore } from '../youSaidStores.js';
import type { ReadCache } from '../../../storage/readCache.js';
import { getOrUndefined, TABLES, type TableStore } from '../../../storage/tableStore.js';

const entrySchema = z.object({
  id: z.string(),
  outcome: z.enum(OUTCOME_IDS),
  youSaid: z.string(),
  weDid: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string().optional(),
  updatedAt: z.string().optional(),
  removedBy: z.string().optional(),
  removedAt: z.string().optional(),
});

/**
 * "You said, we did" (table `yousaid`): PartitionKey 'entry', RowKey the id. A few dozen rows, read on every
 * completed survey and public page view, so the list is kept for 30 s (this instance's writes forget it).
 */
export class YouSaidRepository implements YouSaidStore {
  private readonly list: ReadCache<YouSaidEntry[]>;

  constructor(private readonly store: TableStore) {
    this.list = store.cache({ maxEntries: 1, maxAgeMs: 30_000 });
  }

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.youSaid);
  }

  async save(entry: YouSaidEntry): Promise<void> {
    await this.list.write('all', async () => {
      await (
        await this.table()
      ).upsertEntity({ partitionKey: 'entry', rowKey: entry.id, json: JSON.stringify(entry) }, 'Replace');
    });
  }

  async get(id: string): Promise<YouSaidEntry | undefined> {
    const e = await getOrUndefined<{ json: string }>(await this.table(), 'entry', id);
    return e ? entrySchema.parse(JSON.parse(e.json)) : undefined;
  }

  current(): Promise<YouSaidEntry[]> {
    return this.list.get('all', async () => {
      const out: YouSaidEntry[] = [];
      for await (const e of (await this.table()).listEntities<{ json: string }>({
        queryOptions: { filter: "PartitionKey eq 'entry'" },
      })) {
        const entry = entrySchema.parse(JSON.parse(e.json));
        if (!entry.removedAt) out.push(entry);
      }
      return out.sort((a, b) => (b.updatedAt ?? b.createdAt).localeCompare(a.updatedAt ?? a.createdAt));
    });
  }
}
