import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { ExceptionNote } from '../domain/exceptionNote.js';
import type { ExceptionNotes } from '../exceptionStores.js';
import type { ReadCache } from '../../../storage/readCache.js';
import { TABLES, type TableStore } from '../../../storage/tableStore.js';

const rowSchema = z.object({
  measureId: z.string(),
  period: z.string(),
  action: z.string(),
  due: z.string(),
  writtenBy: z.string(),
  writtenAt: z.string(),
});

/**
 * Exceptions commentary (table `exceptions`): PartitionKey the measure id, RowKey `<period>~<written at>`,
 * so a later save is a new row and none is overwritten. Tens of rows, read for every digest and board pack,
 * so the list is kept for 30 s (this instance's writes forget it).
 */
export class ExceptionNotesRepository implements ExceptionNotes {
  private readonly list: ReadCache<ExceptionNote[]>;

  constructor(private readonly store: TableStore) {
    this.list = store.cache({ maxEntries: 1, maxAgeMs: 30_000 });
  }

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.exceptions);
  }

  async add(note: ExceptionNote): Promise<void> {
    await this.list.write('all', async () => {
      await (
        await this.table()
      ).upsertEntity(
        { partitionKey: note.measureId, rowKey: `${note.period}~${note.writtenAt}`, ...rowSchema.parse(note) },
        'Replace',
      );
    });
  }

  all(): Promise<ExceptionNote[]> {
    return this.list.get('all', async () => {
      const out: ExceptionNote[] = [];
      for await (const e of (await this.table()).listEntities()) out.push(rowSchema.parse(e));
      return out;
    });
  }
}
