import { expect } from 'chai';
import type { MeasureStore, StoredMeasureValue } from '../../src/features/measures/measureStores.js';
import { eachTestGets, type StoreFactory } from './support/contract.js';

const value = (measureId: string, period: string, v: number, over: Partial<StoredMeasureValue> = {}) => ({
  measureId,
  period,
  value: v,
  loadedAt: '2026-11-02T09:00:00.000Z',
  file: 'measures.csv',
  ...over,
});

export function describeMeasureStoreContract(name: string, makeStore: StoreFactory<MeasureStore>) {
  describe(`MeasureStore contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it("lists one measure's figures oldest first, each as saved", async () => {
      expect(await store().list('ehcp-20-weeks')).to.deep.equal([]);
      const spring = value('ehcp-20-weeks', '2025-26-spring', 0.5, { numerator: 10, denominator: 20 });
      const autumn = value('ehcp-20-weeks', '2025-26-autumn', 0.6, { numerator: 12, denominator: 20 });
      const other = value('attendance', '2025-26-autumn', 0.9);
      await store().save([spring, other, autumn]);
      expect(await store().list('ehcp-20-weeks')).to.deep.equal([autumn, spring]);
      expect(await store().list('attendance'), 'a figure without numerator and denominator').to.deep.equal([other]);
    });

    it('a figure saved again for the same measure and period replaces it', async () => {
      await store().save([value('attendance', '2026-03', 0.9), value('attendance', '2026-02', 0.8)]);
      const corrected = value('attendance', '2026-03', 0.85, { file: 'corrected.csv' });
      await store().save([corrected]);
      expect(await store().list('attendance')).to.deep.equal([value('attendance', '2026-02', 0.8), corrected]);
    });

    it('saves more figures at once than one transaction holds', async () => {
      const many = Array.from({ length: 130 }, (_, i) => value('m', `${2000 + i}-01`, i / 130));
      await store().save(many);
      expect(await store().list('m')).to.deep.equal(many);
    });
  });
}
