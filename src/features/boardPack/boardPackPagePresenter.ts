import { htmlText } from '../../domain/text/safeText.js';
import type { PackBlock, PackTable, PackView } from './boardPackPresenter.js';

export function tableHtml(t: PackTable): string {
  return `<table><caption>${htmlText(t.caption)}</caption><thead><tr>${t.headers
    .map((h) => `<th scope="col">${htmlText(h)}</th>`)
    .join('')}</tr></thead><tbody>${t.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${htmlText(c)}</th>` : `<td>${htmlText(c)}</td>`)).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

function blockHtml(b: PackBlock): string {
  if (b.kind === 'para') return `<p>${htmlText(b.text)}</p>`;
  if (b.kind === 'list') return `<ul>${b.items.map((i) => `<li>${htmlText(i)}</li>`).join('')}</ul>`;
  if (b.kind === 'table') return tableHtml(b.table);
  // The SVG is drawn by Vega-Lite from figures only, with every text in it escaped by Vega.
  return `<figure><h3>${htmlText(b.title)}</h3>${b.svg}${tableHtml(b.table)}</figure>`;
}

/**
 * The printable board pack: plain HTML (no script), A4 when printed, every chart followed by its figures.
 * `pdfUrl`: the same pack as a PDF, behind the same signed link.
 */
export function boardPackHtml(view: PackView, pdfUrl: string): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${htmlText(view.title)}</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;max-width:58rem;margin:1.5rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #1b1b1b;padding-bottom:.2rem}h3{font-size:1rem;margin:.4rem 0}
.meta{color:#505050;margin-top:0}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.6rem 0 1rem}caption{text-align:left;font-weight:700;padding:.3rem 0}
td,th{border:1px solid #8a8a8a;padding:.3rem .45rem;text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal;hyphens:manual}
thead th{background:#eef0f2}tbody th{font-weight:600}
figure{margin:1rem 0 1.5rem;break-inside:avoid}figure svg{max-width:100%;height:auto}
.notes{font-size:.85rem;color:#505050}
@page{size:A4;margin:14mm}
@media print{body{margin:0;max-width:none}.screen{display:none}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head>
<body><main>
<h1>${htmlText(view.title)}</h1>
<p class="meta">${htmlText(view.subtitle)}</p>
<p class="screen"><a href="${htmlText(pdfUrl)}">Download this pack as a PDF</a> · or print this page (Ctrl+P).</p>
${view.sections
  .map(
    (s) =>
      `<section aria-labelledby="h-${s.id}"><h2 id="h-${s.id}">${htmlText(s.heading)}</h2>${s.blocks.map(blockHtml).join('\n')}</section>`,
  )
  .join('\n')}
<section class="notes" aria-labelledby="h-notes"><h2 id="h-notes">About these figures</h2><ul>${view.notes
    .map((n) => `<li>${htmlText(n)}</li>`)
    .join('')}</ul></section>
</main></body></html>`;
}
