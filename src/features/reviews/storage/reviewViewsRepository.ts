import { randomBytes } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import { TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { ReviewView, ReviewViewLog } from '../reviewStores.js';

/**
 * Who viewed which review's answers. PartitionKey = review reference (so "who viewed AR-1042" is one
 * partition read); RowKey sorts newest first. Written before the answers are shown, never changed.
 */
export class ReviewViewsRepository implements ReviewViewLog {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.reviewViews);
  }

  async record(view: ReviewView): Promise<void> {
    const inverted = String(9_999_999_999_999 - Date.parse(view.at)).padStart(13, '0');
    await (
      await this.table()
    ).createEntity({
      partitionKey: view.reviewRef,
      rowKey: `${view.reviewRef}~${inverted}-${randomBytes(4).toString('hex')}`,
      ...view,
    });
  }

  async list(reviewRef: string): Promise<ReviewView[]> {
    const out: ReviewView[] = [];
    const entities = (await this.table()).listEntities<ReviewView>({
      queryOptions: { filter: odata`PartitionKey eq ${reviewRef}` },
    });
    for await (const e of entities) out.push({ reviewRef: e.reviewRef, viewer: e.viewer, at: e.at, how: e.how });
    return out;
  }
}
