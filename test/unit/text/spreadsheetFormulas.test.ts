import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { writeRejects } from '../../../src/imports/csvRows.js';
import { spreadsheetSafe } from '../../../src/domain/text/safeText.js';

/**
 * Spreadsheets skip leading spaces and line breaks before deciding a cell is a formula, and some read
 * full-width ＝ ＋ － ＠ as their ASCII forms: each of these must be written as text too.
 */
describe('CSV cells a spreadsheet could run, in disguise', () => {
  const disguised = [
    ' =1+1',
    '  =HYPERLINK("http://x")',
    '\n=1+1',
    '\r\n=1+1',
    '\t=1',
    '\r=1',
    '\u00a0=1',
    '\u3000=1',
    '\u200b=1',
    '\ufeff=1',
    '\u0000=1',
    '\u000b=1',
    '\u000c=1',
    '＝1+1',
    '＝HYPERLINK("http://x")',
    '＋1+1',
    '－2+3',
    '＠SUM(A1)',
    ' ＝1',
    '\n＠SUM(A1)',
    '﹢1',
    '\t',
    '\rtext',
  ];

  for (const cell of disguised)
    it(`writes ${JSON.stringify(cell)} as text`, () => {
      expect(spreadsheetSafe(cell)).to.equal(`'${cell}`);
    });

  it('leaves numbers, words and references alone', () => {
    for (const cell of ['12', '-0.4', 'AR-1042', '2026-11-22', '', 'Speech and language', 'Ｓ＆Ｌ', 'a = b', '1+1'])
      expect(spreadsheetSafe(cell), cell).to.equal(cell);
  });

  it('writes an import rejects file with the disguised cells as text', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'rejects-')), 'extract.csv');
    const out = await writeRejects(
      file,
      ['referral_id', 'service'],
      [{ line: 2, errors: ['bad'], values: { referral_id: ' =cmd|" /C calc"!A0', service: '＠salt' } }],
    );
    const rows = parse(readFileSync(out, 'utf8')) as string[][];
    expect(rows[1]).to.deep.equal(['2', 'bad', `' =cmd|" /C calc"!A0`, "'＠salt"]);
  });
});
