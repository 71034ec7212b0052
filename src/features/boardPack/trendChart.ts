import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';

import { htmlText } from '../../domain/text/safeText.js';

/** Vega and Vega-Lite, loaded with the first chart drawn (about 0.2 s each, imported alone), not at every start. */
let charting: Promise<{ vega: typeof Vega; compile: typeof import('vega-lite').compile }> | undefined;
const loadCharting = () =>
  (charting ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, { compile }]) => ({ vega, compile })));

/** One line of a trend chart: a name and its values in order (null where a figure is not shown). */
export type ChartSeries = { name: string; values: (number | null)[] };

export type TrendChart = {
  /** Unique within the page: the SVG's title and description are named by it. */
  id: string;
  title: string;
  /** What the chart shows, in words, for people who cannot see it (the table under it has every figure). */
  description: string;
  /** The periods along the bottom, oldest first. */
  periods: string[];
  series: ChartSeries[];
  yTitle: string;
  /** Fixed scale where there is one (scores: 1 to 5; shares: 0 to 100). */
  yDomain?: [number, number];
};

// Colours that stay apart in greyscale and for common colour blindness, with a dash on the second line too.
const COLOURS = ['#1d70b8', '#b1450c', '#4c2c92', '#00703c'];

const legendOf = (c: TrendChart) =>
  c.series.length > 1
    ? {
        title: null,
        orient: 'bottom' as const,
        labelFontSize: 12,
        labelLimit: 0,
        symbolType: 'stroke',
        symbolStrokeWidth: 2.5,
      }
    : null;

/** The name of the data set a chart's figures are given to its drawing as. */
const TABLE = 'table';

const valuesOf = (c: TrendChart) =>
  c.series.flatMap((s) =>
    s.values.flatMap((v, i) => (v === null ? [] : [{ period: c.periods[i], series: s.name, value: v, order: i }])),
  );

/**
 * The Vega-Lite spec of a trend: a line per series, a point at each shown figure, gaps where none is shown.
 * It is the chart's shape (its periods, series, scale and titles), not its figures (the data set TABLE):
 * charts of one shape share one compiled drawing.
 */
function specOf(c: TrendChart): TopLevelSpec {
  return {
    width: 520,
    height: 130,
    background: 'white',
    data: { name: TABLE },
    mark: { type: 'line', point: { filled: true, size: 50 }, strokeWidth: 2.5 },
    encoding: {
      x: {
        field: 'period',
        type: 'ordinal',
        sort: c.periods,
        scale: { domain: c.periods },
        // "2025-26 Autumn" on two lines: the labels stay whole, whatever the width.
        axis: { title: null, labelAngle: 0, labelLimit: 0, labelFontSize: 11, labelExpr: "split(datum.label, ' ')" },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: c.yTitle,
        ...(c.yDomain ? { scale: { domain: c.yDomain, zero: false } } : { scale: { zero: true } }),
        axis: { labelFontSize: 11, titleFontSize: 11, tickCount: 5 },
      },
      color: {
        field: 'series',
        type: 'nominal',
        sort: c.series.map((s) => s.name),
        scale: { domain: c.series.map((s) => s.name), range: COLOURS.slice(0, c.series.length) },
        legend: legendOf(c),
      },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        sort: c.series.map((s) => s.name),
        scale: {
          domain: c.series.map((s) => s.name),
          range: [
            [1, 0],
            [6, 3],
            [2, 2],
            [8, 2, 2, 2],
          ],
        },
        // The same legend as the colour's, so Vega-Lite draws one legend with both.
        legend: legendOf(c),
      },
    },
    config: { font: 'Arial, Helvetica, sans-serif', aria: false, view: { stroke: null } },
  };
}

/**
 * A trend as an SVG drawn on the server by Vega-Lite (no browser, no script in the page): an image with
 * a title and a description for screen readers, Vega's own element roles removed so the image is one
 * thing to them. A chart whose data is all hidden is not drawn (the table says why).
 */
export async function trendChartSvg(c: TrendChart): Promise<string> {
  const key = JSON.stringify(c);
  const cached = drawn.get(key);
  if (cached) return cached;
  const svg = accessible(await drawing(c).draw(valuesOf(c)), c);
  remember(key, svg);
  return svg;
}

/**
 * One compiled drawing per chart shape: Vega-Lite compiled and Vega parsed once, and one View kept, whose
 * data is replaced for each chart of that shape. Compiling, parsing and a View's first run (its axes, legend
 * and layout) are most of a chart's cost; a View given new figures reruns only what they change and draws
 * the same SVG elements a new View would (an axis's ticks may come in another order). Charts of one shape
 * are drawn one at a time.
 */
type Drawing = { draw(values: object[]): Promise<string> };
const drawings = new Map<string, Drawing>();
const MAX_DRAWINGS = 64;
/** Forgets every chart shape compiled (the next chart of each is drawn by a new View, as the first one is). */
export function forgetChartShapes(): void {
  drawings.clear();
}

function drawing(c: TrendChart): Drawing {
  const spec = specOf(c);
  const key = JSON.stringify(spec);
  const held = drawings.get(key);
  if (held) return held;
  if (drawings.size >= MAX_DRAWINGS) drawings.delete(drawings.keys().next().value!);
  let view: Vega.View | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const made: Drawing = {
    draw(values) {
      const next = queue.then(async () => {
        if (!view) {
          const { vega, compile } = await loadCharting();
          view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
        }
        // resize: the bounds are laid out afresh for these figures (Vega's padding otherwise only grows).
        view.data(TABLE, values).resize();
        return view.toSVG();
      });
      // A failed drawing is not kept: the next chart of this shape starts afresh.
      queue = next.catch(() => {
        view?.finalize();
        view = undefined;
        if (drawings.get(key) === made) drawings.delete(key);
      });
      return next;
    },
  };
  drawings.set(key, made);
  return made;
}

function accessible(raw: string, c: TrendChart): string {
  const stripped = raw.replace(/\s(?:role|aria-[a-z-]+)="[^"]*"/g, '');
  return stripped.replace(
    /^<svg([^>]*)>/,
    `<svg$1 role="img" aria-labelledby="${c.id}-t ${c.id}-d" focusable="false"><title id="${c.id}-t">${htmlText(c.title)}</title><desc id="${c.id}-d">${htmlText(c.description)}</desc>`,
  );
}

// The same figures draw the same chart: a pack asked for again, or the public page, draws nothing anew.
const drawn = new Map<string, string>();
/** Forgets every chart drawn (the bench measures drawing them anew). */
export function forgetDrawnCharts(): void {
  drawn.clear();
}
const MAX_DRAWN = 300;
function remember(key: string, svg: string): void {
  if (drawn.size >= MAX_DRAWN) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, svg);
}
