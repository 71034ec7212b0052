import type { TableClient, TransactionAction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import type { BenchmarkStore, StoredBenchmark } from '../measureStores.js';
import { benchmarkOrder, COMPARATORS, type Comparator } from '../domain/benchmarkRow.js';
import type { ReadCache } from '../../../storage/readCache.js';
import { submitChecked, TABLES, type TableStore } from '../../../storage/tableStore.js';

type Entity = {
  period: string;
  comparator: string;
  value: number;
  numerator?: number;
  denominator?: number;
  loadedAt: string;
  file: string;
};

/**
 * Comparators for the framework measures (table `benchmarks`): PartitionKey the measure id, RowKey
 * `<measure id>~<period>~<comparator>`, so a re-imported figure replaces its row and one measure's comparators
 * are one partition query.
 */
export class BenchmarksRepository implements BenchmarkStore {
  /** A measure's comparators, kept ≤ 5 s (an import elsewhere shows within that); this instance's saves forget it. */
  private readonly lists: ReadCache<StoredBenchmark[]>;

  constructor(private readonly store: TableStore) {
    this.lists = store.cache({ maxEntries: 256, maxAgeMs: 5_000 });
  }

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.benchmarks);
  }

  async save(values: readonly StoredBenchmark[]): Promise<void> {
    const client = await this.table();
    const byMeasure = new Map<string, StoredBenchmark[]>();
    for (const v of values) byMeasure.set(v.measureId, [...(byMeasure.get(v.measureId) ?? []), v]);
    for (const [measureId, rows] of byMeasure)
      await this.lists.write(measureId, async () => {
        for (let i = 0; i < rows.length; i += 100) {
          const actions: TransactionAction[] = rows.slice(i, i + 100).map((v) => {
            const entity: Entity & { partitionKey: string; rowKey: string } = {
              partitionKey: measureId,
              rowKey: `${measureId}~${v.period}~${v.comparator}`,
              period: v.period,
              comparator: v.comparator,
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

  list(measureId: string): Promise<StoredBenchmark[]> {
    return this.lists.get(measureId, async () => {
      const out: StoredBenchmark[] = [];
      for await (const e of (await this.table()).listEntities<Entity>({
        queryOptions: { filter: odata`PartitionKey eq ${measureId}` },
      })) {
        // A row of a comparator this version does not know is left out rather than shown under a wrong name.
        if (!(COMPARATORS as readonly string[]).includes(e.comparator)) continue;
        out.push({
          measureId,
          period: e.period,
          comparator: e.comparator as Comparator,
          value: e.value,
          loadedAt: e.loadedAt,
          file: e.file,
          ...(typeof e.numerator === 'number' ? { numerator: e.numerator, denominator: e.denominator } : {}),
        });
      }
      return out.sort(benchmarkOrder);
    });
  }
}
