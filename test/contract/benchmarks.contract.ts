import { expect } from 'chai';
import type { BenchmarkStore, StoredBenchmark } from '../../src/features/measures/measureStores.js';
import { eachTestGets, type StoreFactory } from './support/contract.js';

const figure = (
  measureId: string,
  period: string,
  comparator: StoredBenchmark['comparator'],
  value: number,
  over: Partial<StoredBenchmark> = {},
): StoredBenchmark => ({
  measureId,
  period,
  comparator,
  value,
  loadedAt: '2026-11-02T09:00:00.000Z',
  file: 'benchmarks.csv',
  ...over,
});

export function describeBenchmarkStoreContract(name: string, makeStore: StoreFactory<BenchmarkStore>) {
  describe(`BenchmarkStore contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it("lists one measure's comparators by period, then England, region, neighbours, each as saved", async () => {
      expect(await store().list('attendance_ehcp')).to.deep.equal([]);
      const nbrs = figure('attendance_ehcp', '2025-26-spring', 'statistical_neighbours', 0.879);
      const eng = figure('attendance_ehcp', '2025-26-spring', 'england', 0.871, {
        numerator: 671799,
        denominator: 771200,
      });
      const older = figure('attendance_ehcp', '2025-26-autumn', 'region', 0.88);
      const other = figure('ks2_rwm_send', '2024-25', 'england', 0.24);
      await store().save([nbrs, other, eng, older]);
      expect(await store().list('attendance_ehcp')).to.deep.equal([older, eng, nbrs]);
      expect(await store().list('ks2_rwm_send'), 'a figure without numerator and denominator').to.deep.equal([other]);
    });

    it('a figure saved again for the same measure, period and comparator replaces it; another comparator does not', async () => {
      await store().save([figure('m', '2025-26', 'england', 5.1), figure('m', '2025-26', 'region', 5.3)]);
      const corrected = figure('m', '2025-26', 'england', 5.2, { file: 'corrected.csv' });
      await store().save([corrected]);
      expect(await store().list('m')).to.deep.equal([corrected, figure('m', '2025-26', 'region', 5.3)]);
    });

    it('saves more figures at once than one transaction holds', async () => {
      const many = Array.from({ length: 130 }, (_, i) => figure('m', `${2000 + i}-01`, 'england', i / 130));
      await store().save(many);
      expect(await store().list('m')).to.deep.equal(many);
    });
  });
}
