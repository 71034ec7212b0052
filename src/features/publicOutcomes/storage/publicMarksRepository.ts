import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { PublicMark, PublicSubject } from '../domain/publicMark.js';
import type { PublicMarks } from '../publicOutcomesStores.js';
import type { ReadCache } from '../../../storage/readCache.js';
import { TABLES, type TableStore } from '../../../storage/tableStore.js';

const rowSchema = z.object({
  subject: z.string().regex(/^(measure|outcome):[a-z][a-z0-9_]{1,39}$/),
  isPublic: z.boolean(),
  by: z.string(),
  at: z.string(),
});

/**
 * What may be published (table `publicmarks`): PartitionKey 'mark', RowKey `<subject>~<at>`, so every change
 * is a new row. Read on every view of the public page, so the list is kept for 30 s.
 */
export class PublicMarksRepository implements PublicMarks {
  private readonly list: ReadCache<PublicMark[]>;

  constructor(private readonly store: TableStore) {
    this.list = store.cache({ maxEntries: 1, maxAgeMs: 30_000 });
  }

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.publicMarks);
  }

  async add(mark: PublicMark): Promise<void> {
    const row = rowSchema.parse(mark);
    await this.list.write('all', async () => {
      await (
        await this.table()
      ).upsertEntity({ partitionKey: 'mark', rowKey: `${row.subject}~${row.at}`, ...row }, 'Replace');
    });
  }

  all(): Promise<PublicMark[]> {
    return this.list.get('all', async () => {
      const out: PublicMark[] = [];
      for await (const e of (await this.table()).listEntities({ queryOptions: { filter: "PartitionKey eq 'mark'" } })) {
        const row = rowSchema.parse(e);
        out.push({ ...row, subject: row.subject as PublicSubject });
      }
      return out;
    });
  }
}
