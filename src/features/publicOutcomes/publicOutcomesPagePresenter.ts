import { longDate, oneDecimal, ROLE_LABEL } from '../../cards/format.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import { htmlText } from '../../domain/text/safeText.js';
import { periodLabel } from '../measures/domain/period.js';
import { valueText } from '../measures/measuresPresenter.js';
import { tableHtml } from '../boardPack/boardPackPagePresenter.js';
import { comparatorText } from '../boardPack/boardPackPresenter.js';
import { trendChartSvg } from '../boardPack/trendChart.js';
import type { MeasureTrend, ScoreTrend } from '../boardPack/domain/boardPack.js';
import type { PublicPage } from './domain/publicPage.js';

const HIDDEN = 'not shown: fewer than 5 people';

async function outcomeSection(bank: QuestionBank, t: ScoreTrend): Promise<string> {
  const o = bank.outcome(t.outcome);
  const periods = [...new Set(t.points.map((p) => p.term))];
  const value = (term: string, role: 'cyp' | 'pc') => {
    const p = t.points.find((x) => x.term === term && x.role === role);
    return p && p.respondents > 0 && p.mean.shown ? Math.round(p.mean.value * 10) / 10 : null;
  };
  const svg = await trendChartSvg({
    id: `o-${t.outcome}`,
    title: `${o.shortName}: average score out of 5, by term`,
    description: `How children and young people, and parent carers, answered the ${o.shortName} questions at annual reviews, ${periods[0]} to ${periods.at(-1)}. 1 means strongly disagree and 5 strongly agree. The table below has every figure.`,
    periods,
    series: (['cyp', 'pc'] as const).map((role) => ({
      name: ROLE_LABEL[role],
      values: periods.map((p) => value(p, role)),
    })),
    yTitle: 'average score (1 to 5)',
    yDomain: [1, 5],
  });
  const cell = (term: string, role: 'cyp' | 'pc') => {
    const p = t.points.find((x) => x.term === term && x.role === role);
    if (!p || p.respondents === 0) return 'no answers yet';
    return p.mean.shown
      ? `${oneDecimal(p.mean.value)} out of 5 (${p.respondents.toLocaleString('en-GB')} people)`
      : HIDDEN;
  };
  return `<section aria-labelledby="h-o-${t.outcome}"><h3 id="h-o-${t.outcome}">${htmlText(o.shortName)}</h3>
<p>${htmlText(o.plainWords)}</p>
<figure>${svg}<figcaption>${tableHtml({
    caption: `${o.shortName}: average score out of 5`,
    headers: ['Term', ROLE_LABEL.cyp, ROLE_LABEL.pc],
    rows: periods.map((p) => [p, cell(p, 'cyp'), cell(p, 'pc')]),
  })}</figcaption></figure></section>`;
}

async function measureSection(t: MeasureTrend): Promise<string> {
  const m = t.measure;
  const periods = t.points.map((p) => periodLabel(p.period, m.frequency));
  const unit = m.unit === 'percent' ? 'per cent' : m.unit === 'rate' ? 'per 100 pupils' : 'number';
  const better = m.better === 'higher' ? 'Higher is better.' : 'Lower is better.';
  if (!t.points.length)
    return `<section aria-labelledby="h-m-${m.id}"><h3 id="h-m-${m.id}">${htmlText(m.name)}</h3><p>${htmlText(m.definition)} ${better}</p><p>No figures have been published yet.</p></section>`;
  const svg = await trendChartSvg({
    id: `m-${m.id}`,
    title: `${m.name} (${unit})`,
    description: `${m.name}, ${periods[0]} to ${periods.at(-1)}. ${better} The table below has every figure.`,
    periods,
    series: [
      {
        name: 'Our area',
        values: t.points.map((p) =>
          p.value.shown ? (m.unit === 'percent' ? Math.round(p.value.value * 1000) / 10 : p.value.value) : null,
        ),
      },
    ],
    yTitle: unit,
    ...(m.unit === 'percent' ? { yDomain: [0, 100] as [number, number] } : {}),
  });
  const compared = t.comparators.length > 0;
  return `<section aria-labelledby="h-m-${m.id}"><h3 id="h-m-${m.id}">${htmlText(m.name)}</h3>
<p>${htmlText(m.definition)} ${better}</p>
<figure>${svg}<figcaption>${tableHtml({
    caption: `${m.name}: the figures`,
    headers: ['Period', 'Our area', ...(compared ? ['Compared with'] : [])],
    rows: t.points.map((p, i) => [
      periods[i],
      p.value.shown ? valueText(m, p).replace(/\b\d{4,}\b/g, (d) => Number(d).toLocaleString('en-GB')) : HIDDEN,
      ...(compared
        ? [
            comparatorText(
              m,
              t.comparators.filter((c) => c.period === p.period),
            ) || 'none published',
          ]
        : []),
    ]),
  })}</figcaption></figure></section>`;
}

/**
 * /outcomes: the framework's published figures for the Local Offer, in plain words. No script; charts are
 * SVG images with a title and description, each followed by a table of its figures.
 */
export async function publicOutcomesHtml(bank: QuestionBank, page: PublicPage): Promise<string> {
  const outcomes = await Promise.all(page.outcomes.map((t) => outcomeSection(bank, t)));
  const measures = await Promise.all(page.measures.map(measureSection));
  const nothing = !outcomes.length && !measures.length;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>How we are doing – SEND and AP Outcomes Framework</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;background:#fff;max-width:46rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #1b1b1b}h3{font-size:1.1rem;margin-top:1.6rem}
figure{margin:.5rem 0 1.5rem}figure svg{max-width:100%;height:auto}figcaption{margin-top:.4rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}caption{text-align:left;font-weight:700;padding:.3rem 0}
td,th{border:1px solid #6f6f6f;padding:.3rem .5rem;text-align:left;vertical-align:top}thead th{background:#eef0f2}tbody th{font-weight:400}
a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
.small{font-size:.9rem;color:#505050}
</style></head>
<body><main>
<h1>How we are doing for children and young people with SEND</h1>
<p>Our local area has agreed six outcomes for children and young people with special educational needs and disabilities (SEND) and those in alternative provision (AP). We check how we are doing in two ways: we ask children, young people and parent carers at each annual review, and we count what services do. This page shows the figures we have chosen to publish. It was updated on ${htmlText(longDate(page.asOf))}.</p>
${nothing ? '<p>No figures have been published yet. Please check back after the next termly report.</p>' : ''}
${outcomes.length ? `<h2>What children, young people and parent carers tell us</h2><p>At each annual review we ask questions about each outcome. Answers go from 1 (strongly disagree) to 5 (strongly agree). The figures are averages for each school term.</p>${outcomes.join('\n')}` : ''}
${measures.length ? `<h2>What services count</h2>${measures.join('\n')}` : ''}
<h2>About these figures</h2>
<p class="small">We never show a figure that comes from fewer than 5 people, or one that would let you work out such a figure, so that nobody can be identified. Where a figure is not shown, the table says so.</p>
<p class="small"><a href="/you-said-we-did">You said, we did: what we changed because of what families told us</a></p>
</main></body></html>`;
}
