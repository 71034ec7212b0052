import type { TableClient, TransactionAction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import type { MeasureStore, StoredMeasureValue } from '../measureStores.js';
import type { ReadCache } from '../../../storage/readCache.js';
import { submitChecked, TABLES, type TableStore } from '../../../storage/tableStore.js';

type Entity = {
  period: string;
  value: number;
  numerator?: number;
  denominator?: number;
  loadedAt: string;
  file: string;
};

/**
 * The framework measures' figures (table `measurevalues`): PartitionKey the measure id, RowKey
 * `<measure id>~<period>` (unique across the table), so a re-imported period replaces its row and one
 * measure's history is one partition query.
 */
export class MeasureValuesRepository implements MeasureStore {
  /** A measure's history, kept ≤ 5 s (an import elsewhere shows within that); this instance's saves forget it. */
  private readonly histories: ReadCache<StoredMeasureValue[]>;

  constructor(private readonly store: TableStore) {
    this.histories = store.cache({ maxEntries: 256, maxAgeMs: 5_000 });
  }

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.measureValues);
  }

  async save(values: readonly StoredMeasureValue[]): Promise<void> {
    const client = await this.table();
    const byMeasure = new Map<string, StoredMeasureValue[]>();
    for (const v of values) byMeasure.set(v.measureId, [...(byMeasure.get(v.measureId) ?? []), v]);
    for (const [measureId, rows] of byMeasure)
      await this.histories.write(measureId, async () => {
        for (let i = 0; i < rows.length; i += 100) {
          const actions: TransactionAction[] = rows.slice(i, i + 100).map((v) => {
            const entity: Entity & { partitionKey: string; rowKey: string } = {
              partitionKey: measureId,
              rowKey: `${measureId}~${v.period}`,
              period: v.period,
              value: v.value,
              loadedAt: v.loadedAt,
              file: v.file,
              ...(v.numerator !== undefined ? { numerator: v.numerator, denominator: v.denominator } : {}),
            };
            return ['upsert', entity, 'Replace'];
          });
          await submitChecked(client, actions);
        }
      });
  }

  list(measureId: string): Promise<StoredMeasureValue[]> {
    return this.histories.get(measureId, async () => {
      const out: StoredMeasureValue[] = [];
      for await (const e of (await this.table()).listEntities<Entity>({
        queryOptions: { filter: odata`PartitionKey eq ${measureId}` },
      }))
        out.push({
          measureId,
          period: e.period,
          value: e.value,
          loadedAt: e.loadedAt,
          file: e.file,
          ...(typeof e.numerator === 'number' ? { numerator: e.numerator, denominator: e.denominator } : {}),
        });
      return out.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    });
  }
}
