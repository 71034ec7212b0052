import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { writeRejects } from '../../../src/imports/csvRows.js';
import { chatLiteral, spreadsheetSafe } from '../../../src/domain/text/safeText.js';

describe('text from people, made safe where it is shown', () => {
  it('quotes CSV cells a spreadsheet would run as formulas, and leaves numbers alone', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(spreadsheetSafe(cell), cell).to.equal(`'${cell}`);
    for (const cell of ['12', '-0.4', 'AR-1042', '2026-11-22', '']) expect(spreadsheetSafe(cell), cell).to.equal(cell);
  });

  it('writes a rejects file whose formula cells are shown as text', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'rejects-')), 'extract.csv');
    const out = await writeRejects(
      file,
      ['referral_id', 'service'],
      [{ line: 2, errors: ['=bad'], values: { referral_id: '=cmd|" /C calc"!A0', service: '@salt' } }],
    );
    const rows = parse(readFileSync(out, 'utf8')) as string[][];
    expect(rows[1]).to.deep.equal(['2', "'=bad", `'=cmd|" /C calc"!A0`, "'@salt"]);
  });

  it('keeps chat text as words: no links, mentions, HTML or formatting', () => {
    const shown = chatLiteral('[click](https://evil.example) <at>Everyone</at> **bold** _x_ # h');
    expect(shown).not.to.match(/\[click\]\(/);
    expect(shown).not.to.include('<at>');
    expect(shown).to.include('&lt;at&gt;Everyone&lt;/at&gt;');
    expect(shown).to.include('\\*\\*bold\\*\\*');
  });
});
