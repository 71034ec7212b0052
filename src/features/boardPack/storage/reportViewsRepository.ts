import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { ReportView, ReportViewLog } from '../boardPackStores.js';
import { TABLES, type TableStore } from '../../../storage/tableStore.js';

const rowSchema = z.object({
  report: z.string(),
  viewer: z.string(),
  at: z.string(),
  how: z.enum(['link', 'html', 'pdf']),
});

/**
 * Board pack views (table `reportviews`): PartitionKey 'boardpack', RowKey the inverted time then a random
 * tail, so a listing comes newest first and two views in one millisecond are both kept.
 */
export class ReportViewsRepository implements ReportViewLog {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.reportViews);
  }

  async record(view: ReportView): Promise<void> {
    const row = rowSchema.parse(view);
    const inverted = String(9_999_999_999_999 - Date.parse(row.at)).padStart(13, '0');
    const tail = Math.random().toString(36).slice(2, 10);
    await (await this.table()).createEntity({ partitionKey: 'boardpack', rowKey: `${inverted}~${tail}`, ...row });
  }

  async list(): Promise<ReportView[]> {
    const out: ReportView[] = [];
    for await (const e of (await this.table()).listEntities({
      queryOptions: { filter: "PartitionKey eq 'boardpack'" },
    }))
      out.push(rowSchema.parse(e));
    return out;
  }
}
