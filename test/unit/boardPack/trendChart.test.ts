import { expect } from 'chai';
import {
  forgetChartShapes,
  forgetDrawnCharts,
  trendChartSvg,
  type TrendChart,
} from '../../../src/features/boardPack/trendChart.js';

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

  // Figures of several scales (every one 0, six-figure labels): each lays the axis and the bounds out otherwise.
  const figures: (number | null)[][] = [
    [115, 133, 132, 124, 138, 152, 145],
    [18, 20, 20, 17, 16, 18, 17],
    [null, null, 0, null, 0, 0, 0],
    [120_000, 250_000, 90_000, 310_000, 0, 1, 2],
    [55, 52, 44, 43, 46, 40, 33],
  ];
  /** The chart drawn by a new View, as the first chart of its shape is. */
  const drawnAlone = async (c: TrendChart) => {
    forgetChartShapes();
    forgetDrawnCharts();
    return trendChartSvg(c);
  };

  it('draw what a new View draws, whatever was drawn before them in the same shape', async () => {
    const alone = [];
    for (const [k, v] of figures.entries()) alone.push(await drawnAlone(chart(`c${k}`, v)));
    forgetChartShapes();
    forgetDrawnCharts();
    const after = [];
    for (const [k, v] of figures.entries()) after.push(await trendChartSvg(chart(`c${k}`, v)));
    expect(after.map(elements)).to.deep.equal(alone.map(elements));
    // Not one drawing for all: the bounds follow each chart's labels.
    expect(new Set(alone.map((svg) => /width="\d+" height="\d+"/.exec(svg)![0])).size).to.be.above(1);
    expect(alone[3]).to.include('300,000');
    expect(alone[0]).to.include('>150<');
    expect(alone[2]).not.to.include('>150<');
    expect(alone[0]).to.match(
      /^<svg[^>]* role="img" aria-labelledby="c0-t c0-d"[^>]*><title id="c0-t">Chart c0<\/title><desc id="c0-d">/,
    );
  });

  it('draw charts of one shape asked for at once, each with its own figures', async () => {
    const alone = [];
    for (const [k, v] of figures.entries()) alone.push(await drawnAlone(chart(`c${k}`, v)));
    forgetChartShapes();
    forgetDrawnCharts();
    const together = await Promise.all(figures.map((v, k) => trendChartSvg(chart(`c${k}`, v))));
    expect(together.map(elements)).to.deep.equal(alone.map(elements));
  });
});
