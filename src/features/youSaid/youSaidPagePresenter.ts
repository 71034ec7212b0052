import { htmlText } from '../../domain/text/safeText.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import type { YouSaidEntry } from './domain/youSaidEntry.js';
import { longDate } from '../../cards/format.js';

/** The public "You said, we did" page: grouped by outcome in the framework's order, newest first within. */
export function youSaidPageHtml(bank: QuestionBank, entries: YouSaidEntry[]): string {
  const sections = bank.outcomes
    .map((o) => ({ o, mine: entries.filter((e) => e.outcome === o.id) }))
    .filter(({ mine }) => mine.length > 0)
    .map(
      ({ o, mine }) => `<section aria-labelledby="h-${o.id}">
<h2 id="h-${o.id}">${htmlText(o.shortName)}: ${htmlText(o.plainWords)}</h2>
<ul>${mine
        .map(
          (
            e,
          ) => `<li><p><strong>You said:</strong> ${htmlText(e.youSaid)}</p><p><strong>We did:</strong> ${htmlText(e.weDid)}</p>
<p class="when">${htmlText(longDate((e.updatedAt ?? e.createdAt).slice(0, 10)))}</p></li>`,
        )
        .join('')}</ul></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>You said, we did – SEND and AP Outcomes Framework</title>
<style>
body{font-family:system-ui,Segoe UI,Arial,sans-serif;color:#1b1b1b;background:#fff;max-width:46rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #1b1b1b}
ul{list-style:none;padding:0}li{border-left:4px solid #005ea5;padding:.25rem .9rem;margin:1rem 0}
li p{margin:.3rem 0}.when{color:#505050;font-size:.9rem}
</style></head>
<body><main>
<h1>You said, we did</h1>
<p>Families of children and young people with special educational needs and disabilities tell us, at each annual review, how things are going. This is what we changed because of what you told us.</p>
${sections || '<p>Nothing has been added yet. Please check back after the next termly report.</p>'}
</main></body></html>`;
}
