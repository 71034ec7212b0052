import { expect } from 'chai';
import { measureFigures, rateAgainstComparator } from '../../../src/features/measures/domain/measureFigures.js';
import { presentMeasure, presentMeasureTable } from '../../../src/features/measures/measuresPresenter.js';
import type { StoredBenchmark, StoredMeasureValue } from '../../../src/features/measures/measureStores.js';
import { loadMeasureCatalogue } from '../../../src/seeds/loadSeeds.js';
import { presentBoardPack } from '../../../src/features/boardPack/boardPackPresenter.js';
import { boardPackHtml } from '../../../src/features/boardPack/boardPackPagePresenter.js';
import { fakeWorld, FakeTurn, MANAGER, PRACTITIONER } from '../../support/fakes/fakeWorld.js';

const catalogue = loadMeasureCatalogue().measures;
const measure = (id: string) => catalogue.find((m) => m.id === id)!;
const at = { loadedAt: '2026-11-20T09:00:00Z', file: 'f.csv' };
const rate = (measureId: string, period: string, value: number, numerator?: number, denominator?: number) =>
  ({ measureId, period, value, ...(numerator ? { numerator, denominator } : {}), ...at }) as StoredMeasureValue;
const bench = (measureId: string, period: string, comparator: StoredBenchmark['comparator'], value: number) =>
  ({ measureId, period, comparator, value, ...at }) as StoredBenchmark;

describe('comparators: England, the region and statistical neighbours beside the local figure', () => {
  it('rates "in line with national or better" and "better than neighbours" with the catalogue\'s tolerance', () => {
    // Lower is better (suspensions per 100); tolerance 0.5.
    const nat = (local: number) => rateAgainstComparator('national', 'lower', local, 5.9, 0.5);
    expect([nat(5.3), nat(6.4), nat(6.8), nat(7.0)]).to.deep.equal(['green', 'green', 'amber', 'red']);
    // Higher is better (a share); tolerance 0.02 (2 points).
    const nbr = (local: number) => rateAgainstComparator('neighbours', 'higher', local, 0.5, 0.02);
    expect([nbr(0.53), nbr(0.51), nbr(0.49), nbr(0.47)]).to.deep.equal(['green', 'amber', 'amber', 'red']);
  });

  it("keeps only the figure's own period's comparators and rates a national target only when England is loaded", () => {
    const m = measure('suspension_rate_ehcp');
    expect(m.target).to.deep.include({ kind: 'national', tolerance: 0.5 });
    const history = [rate(m.id, '2025-26-autumn', 5.5, 56, 1022), rate(m.id, '2026-27-autumn', 7.1, 76, 1064)];
    const region = [bench(m.id, '2026-27-autumn', 'region', 5.7), bench(m.id, '2025-26-autumn', 'england', 5.8)];
    const noEngland = measureFigures(m, history, undefined, region)!;
    expect(Object.keys(noEngland.comparators)).to.deep.equal(['region']);
    expect(noEngland.rag, "last year's England figure is not this term's").to.equal(null);
    const withEngland = measureFigures(m, history, undefined, [
      ...region,
      bench(m.id, '2026-27-autumn', 'england', 5.9),
    ])!;
    expect(withEngland.rag, '7.1 against 5.9 is worse by more than twice 0.5').to.equal('red');
    const suppressed = measureFigures(m, [rate(m.id, '2026-27-autumn', 0.3, 3, 1064)], undefined, [
      bench(m.id, '2026-27-autumn', 'england', 5.9),
    ])!;
    expect(suppressed.rag, 'a hidden local figure is not rated').to.equal(null);
  });

  it('shows them beside the figure, says the rating is against England, and says when England is not loaded', () => {
    const m = measure('suspension_rate_ehcp');
    const history = [rate(m.id, '2026-27-autumn', 5.3, 56, 1064)];
    const all = [
      bench(m.id, '2026-27-autumn', 'statistical_neighbours', 5.4),
      bench(m.id, '2026-27-autumn', 'england', 5.9),
      bench(m.id, '2026-27-autumn', 'region', 5.7),
    ];
    const { card } = presentMeasure(measureFigures(m, history, undefined, all)!, '2026-11-22');
    expect(card.facts.find((f) => f.title === 'Compared with')!.value).to.equal(
      'England 5.9 per 100, region 5.7 per 100, neighbours 5.4 per 100',
    );
    expect(card.rating).to.equal('🟢 Green: on target (England 5.9 per 100)');
    const none = presentMeasure(measureFigures(m, history, undefined, [])!, '2026-11-22').card;
    expect(none.rating).to.equal('⚪ Not rated: no England figure is loaded for 2026-27 Autumn');
    expect(none.facts.map((f) => f.title)).to.not.include('Compared with');
    const table = presentMeasureTable(
      [{ measure: m, figures: measureFigures(m, history, undefined, all)! }],
      '2026-11-22',
      {
        title: 'Framework measures',
        offTarget: true,
      },
    );
    expect(table.card.rows[0]!.cells[1]).to.equal(
      '5.3 per 100 (56 of 1,064), 2026-27 Autumn; England 5.9 per 100, region 5.7 per 100, neighbours 5.4 per 100',
    );
  });

  it('reach the board pack through its seam (MeasuresService.comparators)', async () => {
    const world = fakeWorld({ today: '2026-11-22' });
    await world.measureValues.save([rate('ehcp_20_weeks', '2025-26', 301 / 548, 301, 548)]);
    await world.benchmarks.save([
      bench('ehcp_20_weeks', '2025-26', 'statistical_neighbours', 0.521),
      bench('ehcp_20_weeks', '2025-26', 'england', 0.46),
    ]);
    const turn = new FakeTurn(MANAGER, { text: 'board pack for this term', userId: 'aad-manager-1' });
    await world.router.routeText(turn);
    const token = decodeURIComponent(/board-pack\?token=([^\s]+)/.exec(turn.all)![1]!);
    const opened = await world.boardPacks.forToken(token, 'html');
    if (opened.kind !== 'pack') throw new Error(opened.why);
    const trend = opened.pack.measureTrends.find((t) => t.measure.id === 'ehcp_20_weeks')!;
    expect(trend.comparators.map((c) => [c.comparator, c.period, c.value])).to.deep.equal([
      ['england', '2025-26', 0.46],
      ['statistical_neighbours', '2025-26', 0.521],
    ]);
    const page = boardPackHtml(await presentBoardPack(opened.pack), '/board-pack.pdf?token=x');
    expect(page).to.include('England 46.0%, neighbours 52.1%');
  });

  describe('through the router on the in-memory fakes', () => {
    async function ask(text: string, withBenchmarks = true) {
      const world = fakeWorld({ today: '2026-11-22' });
      await world.measureValues.save([
        rate('suspension_rate_ehcp', '2026-27-autumn', 5.3, 56, 1064),
        rate('ehcp_20_weeks', '2025-26', 301 / 548, 301, 548),
      ]);
      if (withBenchmarks)
        await world.benchmarks.save([
          bench('suspension_rate_ehcp', '2026-27-autumn', 'england', 5.9),
          bench('ehcp_20_weeks', '2025-26', 'statistical_neighbours', 0.521),
          bench('ehcp_20_weeks', '2025-26', 'england', 0.46),
        ]);
      const turn = new FakeTurn(PRACTITIONER, { text });
      await world.router.routeText(turn);
      return turn;
    }

    it('"and against national?" after a measure asks the same measure, the comparison leading', async () => {
      const world = fakeWorld({ today: '2026-11-22' });
      await world.measureValues.save([rate('suspension_rate_ehcp', '2026-27-autumn', 5.3, 56, 1064)]);
      await world.benchmarks.save([bench('suspension_rate_ehcp', '2026-27-autumn', 'england', 5.9)]);
      const said: string[] = [];
      for (const text of [
        'suspension rate for EHCP pupils',
        'and against national?',
        'how does that compare with neighbours?',
      ]) {
        const turn = new FakeTurn(PRACTITIONER, { text, conversationId: 'conv-compare' });
        await world.router.routeText(turn);
        said.push(turn.said[0]!.text!);
      }
      expect(said[1]).to.include('England 5.9 per 100 in 2026-27 Autumn; here 5.3 per 100: better');
      expect(said[2]).to.include('No figure for statistical neighbours is loaded for 2026-27 Autumn');
    });

    it('"EHCPs issued in 20 weeks against neighbours" leads with the neighbours\' figure', async () => {
      const turn = await ask('EHCPs issued in 20 weeks against neighbours');
      expect(turn.said[0]!.text).to.equal(
        'New EHC plans issued within 20 weeks: Statistical neighbours 52.1% in 2025-26; here 54.9%: better. 54.9% (301 of 548) in 2025-26.',
      );
      expect(turn.texts[0]).to.include('- Compared with: England 46.0%, neighbours 52.1%');
    });

    it('"how do our suspensions of EHCP pupils compare with national?" says in line within the stated tolerance', async () => {
      const turn = await ask('how do our suspensions of EHCP pupils compare with national?');
      expect(turn.said[0]!.text).to.include(
        'England 5.9 per 100 in 2026-27 Autumn; here 5.3 per 100: better (in line means within 0.5 per 100).',
      );
      const none = await ask('how do our suspensions of EHCP pupils compare with national?', false);
      expect(none.said[0]!.text).to.include('No figure for England is loaded for 2026-27 Autumn');
    });
  });
});
