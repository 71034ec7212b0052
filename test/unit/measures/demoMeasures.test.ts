import { expect } from 'chai';
import { fromRoot } from '../../../src/config/projectPaths.js';
import { loadMeasureCatalogue } from '../../../src/seeds/loadSeeds.js';
import { MeasuresImport } from '../../../src/features/measures/measuresImport.js';
import { BenchmarksImport } from '../../../src/features/measures/benchmarksImport.js';
import { MeasuresService } from '../../../src/features/measures/measuresService.js';
import { InMemoryBenchmarks, InMemoryMeasureValues } from '../../support/fakes/inMemoryStores.js';
import { TestClock } from '../../support/testClock.js';

/** A fresh `npm start` loads seeds/demo: every catalogued measure must answer with figures, not "none loaded". */
describe('demo data for the framework measures (seeds/demo/measures.csv, benchmarks.csv)', () => {
  const catalogue = loadMeasureCatalogue();
  const clock = new TestClock('2026-12-07');

  it('holds valid figures for every catalogued measure, and valid comparators', async () => {
    const values = new InMemoryMeasureValues();
    const benchmarks = new InMemoryBenchmarks();
    const measures = await new MeasuresImport(catalogue.measures, clock, values).run(
      fromRoot('seeds', 'demo', 'measures.csv'),
      { keepRejects: false },
    );
    expect(measures.invalid.map((r) => `line ${r.line}: ${r.errors.join('; ')}`)).to.deep.equal([]);
    const comparators = await new BenchmarksImport(catalogue.measures, clock, benchmarks).run(
      fromRoot('seeds', 'demo', 'benchmarks.csv'),
      { keepRejects: false },
    );
    expect(comparators.invalid.map((r) => `line ${r.line}: ${r.errors.join('; ')}`)).to.deep.equal([]);
    const service = new MeasuresService(catalogue, values, benchmarks);
    const without = (await service.all()).filter((a) => !a.figures).map((a) => a.measure.id);
    expect(without, 'measures with no demo figures').to.deep.equal([]);
    // The whole picture for the board pack and the public page: per measure and period, the local figure, that
    // period's comparators and the rating.
    const picture = await service.picture();
    expect(picture.map((p) => p.measure.id)).to.deep.equal(catalogue.measures.map((m) => m.id));
    const sen2 = picture.find((p) => p.measure.id === 'ehcp_20_weeks')!;
    expect(sen2.periods.map((f) => [f.latest.period, Object.keys(f.comparators).sort().join(' ')])).to.deep.equal([
      ['2023-24', 'england region statistical_neighbours'],
      ['2024-25', 'england region statistical_neighbours'],
      ['2025-26', 'england region statistical_neighbours'],
    ]);
    expect(
      sen2.periods.map((f) => f.rag),
      'against the statutory 100%',
    ).to.deep.equal(['red', 'red', 'red']);
    const suspensions = picture.find((p) => p.measure.id === 'suspension_rate_ehcp')!;
    expect(
      suspensions.periods.every((f) => f.rag !== null),
      'rated against England every term',
    ).to.equal(true);
    expect(
      picture.find((p) => p.measure.id === 'complaints')!.periods.every((f) => !Object.keys(f.comparators).length),
    ).to.equal(true);
    // Every comparator target is rated in the demo: the comparator is loaded for the latest period.
    for (const m of catalogue.measures.filter(
      (x) => x.target?.kind === 'national' || x.target?.kind === 'neighbours',
    )) {
      const a = await service.forMeasure(m);
      expect(a.figures!.rag, m.id).to.not.equal(null);
    }
  });
});
