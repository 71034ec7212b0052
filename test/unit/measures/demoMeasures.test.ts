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
    // Every comparator target is rated in the demo: the comparator is loaded for the latest period.
    for (const m of catalogue.measures.filter(
      (x) => x.target?.kind === 'national' || x.target?.kind === 'neighbours',
    )) {
      const a = await service.forMeasure(m);
      expect(a.figures!.rag, m.id).to.not.equal(null);
    }
  });
});
