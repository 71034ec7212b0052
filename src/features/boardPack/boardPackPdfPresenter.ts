import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PackBlock, PackTable, PackView } from './boardPackPresenter.js';

/**
 * pdfmake, set up on the first PDF written (about 0.2 s, imported alone), not at every start: most instances
 * never write one. The fonts it ships (Roboto), read from its own folder: nothing else on disk, nothing on the
 * network.
 */
let pdfmakeReady: Promise<typeof import('pdfmake').default> | undefined;
function loadPdfmake() {
  return (pdfmakeReady ??= import('pdfmake').then(({ default: pdfmake }) => {
    const fontDir = path.join(
      path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
      'fonts',
      'Roboto',
    );
    const font = (file: string) => path.join(fontDir, file);
    pdfmake.setFonts({
      Roboto: {
        normal: font('Roboto-Regular.ttf'),
        bold: font('Roboto-Medium.ttf'),
        italics: font('Roboto-Italic.ttf'),
        bolditalics: font('Roboto-MediumItalic.ttf'),
      },
    });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir));
    return pdfmake;
  }));
}

// Column widths by the number of columns: names take a fifth, ratings little, words the rest.
const WIDTHS: Record<number, string[]> = {
  4: ['22%', '9%', '36%', '33%'],
  5: ['20%', '17%', '13%', '36%', '14%'],
};

function table(t: PackTable): Record<string, unknown>[] {
  const widths = WIDTHS[t.headers.length] ?? t.headers.map(() => '*');
  return [
    { text: t.caption, style: 'caption' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths,
        body: [
          t.headers.map((h) => ({ text: h, style: 'th' })),
          ...t.rows.map((r) => r.map((c, i) => ({ text: c, bold: i === 0 }))),
        ],
      },
      layout: {
        hLineColor: () => '#8a8a8a',
        vLineColor: () => '#8a8a8a',
        fillColor: (row: number) => (row === 0 ? '#eef0f2' : null),
        paddingTop: () => 3,
        paddingBottom: () => 3,
      },
      style: 'table',
    },
  ];
}

function block(b: PackBlock): Record<string, unknown>[] {
  if (b.kind === 'para') return [{ text: b.text, margin: [0, 2, 0, 6] }];
  if (b.kind === 'list') return [{ ul: b.items, margin: [0, 0, 0, 8] }];
  if (b.kind === 'table') return table(b.table);
  // A chart, its figures under it, kept on one page where it fits.
  return [
    {
      stack: [{ text: b.title, style: 'h3' }, { svg: b.svg, width: 360 }, ...table(b.table)],
      unbreakable: b.table.rows.length <= 12,
    },
  ];
}

// The same pack gives the same PDF: drawing its charts into it takes seconds, so the last few are kept (a
// board member opening the link again, or several opening it before a meeting, waits once).
const written = new Map<string, Promise<Buffer>>();
const MAX_WRITTEN = 8;
/** Forgets every PDF kept (the bench measures writing one anew). */
export function forgetWrittenPdfs(): void {
  written.clear();
}

/** The same pack as a PDF (A4), drawn on the server by pdfmake: no browser. */
export function boardPackPdf(view: PackView): Promise<Buffer> {
  const key = createHash('sha256').update(JSON.stringify(view)).digest('base64url');
  const held = written.get(key);
  if (held) return held;
  if (written.size >= MAX_WRITTEN) written.delete(written.keys().next().value!);
  const pdf = writePdf(view);
  written.set(key, pdf);
  pdf.catch(() => written.delete(key));
  return pdf;
}

async function writePdf(view: PackView): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  const doc = {
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    info: { title: view.title, subject: 'SEND and AP Outcomes Framework' },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    footer: (page: number, pages: number) => ({
      text: `${view.title} · page ${page} of ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#505050',
      margin: [0, 16, 0, 0],
    }),
    styles: {
      h1: { fontSize: 17, bold: true, margin: [0, 0, 0, 2] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 4] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 2] },
      meta: { color: '#505050', margin: [0, 0, 0, 8] },
      caption: { bold: true, margin: [0, 6, 0, 3] },
      th: { bold: true },
      table: { margin: [0, 0, 0, 8] },
    },
    // A heading is never left alone at the foot of a page.
    pageBreakBefore: (node: { headlineLevel?: number }, on: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel === 1 && on.getFollowingNodesOnPage().length === 0,
    content: [
      { text: view.title, style: 'h1' },
      { text: view.subtitle, style: 'meta' },
      ...view.sections.flatMap((s) => [{ text: s.heading, style: 'h2', headlineLevel: 1 }, ...s.blocks.flatMap(block)]),
      { text: 'About these figures', style: 'h2' },
      { ul: view.notes, color: '#505050' },
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}
