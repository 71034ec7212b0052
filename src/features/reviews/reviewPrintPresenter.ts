import { htmlText } from '../../domain/text/safeText.js';
import type { ReviewAnswers } from './domain/reviewAnswers.js';
import { answerText, WHO, whoAnsweredText } from './reviewAnswersPresenter.js';
import { longDate } from '../../cards/format.js';

/** One printable page (A4), plain and readable: answers per outcome, then their own words. */
export function reviewPrintHtml(view: ReviewAnswers, printedOn: string): string {
  const sections = view.respondents
    .filter((r) => r.invited)
    .map((r) => {
      const last = r.previousYear;
      const outcomes = r.outcomes
        .map(
          (o) =>
            `<tr><th colspan="${last ? 3 : 2}" scope="colgroup">${htmlText(o.name)}</th></tr>` +
            o.questions
              .map(
                (q) =>
                  `<tr><td>${htmlText(q.text)}</td><td>${htmlText(answerText(q.answer))}</td>${last ? `<td>${htmlText(q.previous ? answerText(q.previous) : '')}</td>` : ''}</tr>`,
              )
              .join(''),
        )
        .join('');
      const words = r.words
        .map(
          (w) =>
            `<dt>${htmlText(w.prompt)}</dt><dd>${w.text !== undefined ? `<p class="words">${htmlText(w.text)}</p>` : `<p class="none">${w.skipped ? 'Skipped' : 'Not answered yet'}</p>`}${w.previousText !== undefined && last ? `<p class="before">${htmlText(last)}: ${htmlText(w.previousText)}</p>` : ''}</dd>`,
        )
        .join('');
      const who = whoAnsweredText(r);
      return `<section><h2>${WHO[r.role]}</h2>${who ? `<p>${htmlText(who)}</p>` : ''}
<table><thead><tr><th scope="col">Question</th><th scope="col">Answer</th>${last ? `<th scope="col">Last year (${htmlText(last)})</th>` : ''}</tr></thead><tbody>${outcomes}</tbody></table>
<h3>In their own words</h3><dl>${words}</dl></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Review ${htmlText(view.reviewRef)}: the family's answers</title>
<style>
body{font-family:system-ui,Segoe UI,Arial,sans-serif;color:#1b1b1b;max-width:50rem;margin:1.5rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.5rem;border-bottom:2px solid #1b1b1b}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #767676;padding:.3rem .45rem;text-align:left;vertical-align:top}
tbody th{background:#f0f0f0}td:last-child{width:30%}dt{font-weight:700;margin-top:.6rem}dd{margin:0}
.words{white-space:pre-wrap;margin:.2rem 0}.before{white-space:pre-wrap;margin:.2rem 0;color:#505050}.none{color:#5a5a5a;margin:.2rem 0}.meta{color:#5a5a5a;font-size:.9rem}
@media print{body{margin:0;max-width:none}section{break-inside:auto}tr,dt,dd{break-inside:avoid}}
</style></head>
<body><main>
<h1>Review ${htmlText(view.reviewRef)}: the family's answers</h1>
<p class="meta">For the review meeting. Scores from 1 (strongly disagree) to 5 (strongly agree). Printed ${htmlText(longDate(printedOn))}. Confidential: the family's own words, shown exactly as they wrote them.</p>
${sections}
</main></body></html>`;
}
