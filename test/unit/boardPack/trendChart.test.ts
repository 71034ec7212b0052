import { expect } from 'chai';
import { forgetDrawnCharts, trendChartSvg, type TrendChart } from '../../../src/features/boardPack/trendChart.js';

// A chart's SVG elements, in any order (a View given new figures may list an axis's ticks in another order).
const elements = (svg: string) => svg.split('><').sort();

describe('trend charts of one shape', () => {
  const chart = (id: string, values: (number | null)[]): TrendChart => ({
    id,
    title: `Chart ${id}`,
    description: `Chart ${id}, for a test.`,
    periods: [
      '2024-25 Autumn',
      '2024-25 Spring',
      '2024-25 Summer',
      '2025-26 Autumn',
      '2025-26 Spring',
      '2025-26 Summer',
      '2026-27 Autumn',
    ],
    series: [{ name: 'Local', values }],
    yTitle: 'number',
  });

  it('draw the same chart whatever was drawn before them in the same shape', async () => {
    forgetDrawnCharts();
    const some = chart('a', [115, 133, 132, 124, 138, 152, 145]);
    const first = await trendChartSvg(some);
    // Figures of other scales (every one 0: its axis laid out otherwise), then the first ones again, drawn anew.
    await trendChartSvg(chart('d', [18, 20, 20, 17, 16, 18, 17]));
    const zeros = await trendChartSvg(chart('b', [null, null, 0, null, 0, 0, 0]));
    await trendChartSvg(chart('e', [55, 52, 44, 43, 46, 40, 33]));
    const wide = await trendChartSvg(chart('c', [120_000, 250_000, 90_000, 310_000, 0, 1, 2]));
    forgetDrawnCharts();
    const again = await trendChartSvg(some);
    expect(elements(again)).to.deep.equal(elements(first));
    expect(wide).to.include('300,000');
    expect(zeros).not.to.include('>150<');
    expect(first).to.include('>150<');
    expect(first).to.match(/^<svg[^>]* role="img" aria-labelledby="a-t a-d"[^>]*><title id="a-t">Chart a<\/title>/);
  });

  it('draw charts of one shape asked for at once, each with its own figures', async () => {
    forgetDrawnCharts();
    const inOrder = await Promise.all(
      [1, 2, 3].map((k) => trendChartSvg(chart(`k${k}`, [k, k * 10, k * 100, null, k, k, k]))),
    );
    forgetDrawnCharts();
    const reversed = await Promise.all(
      [3, 2, 1].map((k) => trendChartSvg(chart(`k${k}`, [k, k * 10, k * 100, null, k, k, k]))),
    );
    expect(reversed.reverse().map(elements)).to.deep.equal(inOrder.map(elements));
    expect(new Set(inOrder).size).to.equal(3);
  });
});
