import { expect } from 'chai';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { digestFiguresCsv } from '../../../src/features/digests/domain/digestFiguresCsv.js';
import { signDownload, verifyDownload } from '../../../src/features/digests/domain/downloadToken.js';
import { buildTermDigest, type TermDigestInput } from '../../../src/features/digests/domain/termDigest.js';
import { outcomeScore, responseRates } from '../../../src/features/scores/domain/outcomeFigures.js';
import { loadQuestionBank, loadServiceCatalogue, loadTermCalendar } from '../../../src/seeds/loadSeeds.js';
import type { OutcomeId } from '../../../src/domain/survey/questionBank.js';
import { waitingListStats } from '../../../src/features/waits/domain/waitingListStats.js';
import { discloseWaits } from '../../../src/features/waits/domain/disclosedWaits.js';
import { presentTermDigest } from '../../../src/features/digests/termDigestPresenter.js';

const bank = loadQuestionBank();
const terms = loadTermCalendar();
const term = terms.termOf('2026-11-22');
const catalogue = loadServiceCatalogue();
type Counters = Map<string, Record<string, number>>;

/** Counters for one outcome and role: `resp` people each answering question 1 with `score`. */
const answered = (resp: number, score: number) => ({
  resp,
  seen: resp,
  q1_n: resp,
  q1_sum: resp * score,
  [`q1_c${score}`]: resp,
});
const input = (now: Counters, before: Counters, waits: TermDigestInput['waits'] = []): TermDigestInput => {
  const pick = (c: Counters) =>
    bank.outcomes.flatMap((o) => (['cyp', 'pc'] as const).map((r) => outcomeScore(bank, c, o.id, r)));
  return {
    term,
    previousTerm: terms.previous(term),
    bank,
    scores: pick(now),
    previousScores: pick(before),
    rates: responseRates(now),
    waits,
    measures: [],
    generatedOn: '2026-11-22',
  };
};

describe('termly digest content', () => {
  it('flags an outcome whose mean fell by 0.2 or more, not one that rose or held, and services in red', () => {
    const now: Counters = new Map([
      ['pc~voice', answered(10, 3)],
      ['cyp~safe', answered(8, 5)],
      ['pc~health', answered(6, 4)],
    ]);
    const before: Counters = new Map([
      ['pc~voice', answered(9, 4)],
      ['cyp~safe', answered(7, 4)],
      ['pc~health', answered(6, 4)],
    ]);
    const nd = catalogue.find((s) => s.id === 'nd')!;
    const stats = waitingListStats(
      // Seen this term, every one after 18 weeks: red on the target the WSoA sets (seen within 18 weeks).
      Array.from({ length: 10 }, (_, i) => ({
        referralId: `N${i}`,
        service: 'nd',
        referredOn: '2026-01-01',
        firstSeenOn: '2026-10-01',
      })),
      nd,
      '2026-11-22',
      term,
    );
    const d = buildTermDigest(
      input(now, before, [
        { service: nd, figures: discloseWaits(stats) },
        { service: catalogue[0], figures: null },
      ]),
    );
    expect(d.attention).to.deep.equal([
      { kind: 'fell', outcome: 'Voice', role: 'pc', from: 4, to: 3 },
      { kind: 'red', service: nd },
    ]);
    const text = presentTermDigest(d).text;
    expect(text).to.include('▼ Voice (parent carers) fell from 4.0 to 3.0 since 2025-26 Summer.');
    expect(text).to.include(
      '🔴 Neurodevelopmental pathway is red: 0% first seen on the pathway within 18 weeks this term (target 100%).',
    );
    expect(text).to.include('Speech and language therapy (SALT): No data; no referrals loaded');
  });

  it('says nothing needs attention when nothing does', () => {
    const d = buildTermDigest(
      input(new Map([['pc~voice', answered(10, 4)]]), new Map([['pc~voice', answered(10, 4)]])),
    );
    const p = presentTermDigest(d);
    expect(p.card.attentionTitle).to.equal('Nothing needs attention');
    expect(p.summary).to.equal('Termly digest: 2026-27 Autumn: nothing needs attention.');
  });

  it('never shows a figure from 1 to 4 people: not in the card, the chart, the text or the CSV', () => {
    const outcomes = bank.outcomes.map((o) => o.id);
    const group = fc.record({
      outcome: fc.constantFrom(...outcomes),
      role: fc.constantFrom('cyp' as const, 'pc' as const),
      resp: fc.integer({ min: 1, max: 12 }),
      score: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 8 }), fc.array(group, { maxLength: 8 }), (nowGroups, beforeGroups) => {
        const toCounters = (gs: typeof nowGroups): Counters =>
          new Map(gs.map((g) => [`${g.role}~${g.outcome}`, answered(g.resp, g.score)]));
        const now = toCounters(nowGroups);
        const d = buildTermDigest(input(now, toCounters(beforeGroups)));
        const p = presentTermDigest(d);
        const csv = parse(digestFiguresCsv(d), { columns: true }) as Record<string, string>[];
        for (const [key, counts] of now) {
          const [role, outcome] = key.split('~') as ['cyp' | 'pc', OutcomeId];
          if (counts.resp >= 5) continue;
          const name = bank.outcome(outcome).shortName;
          const bar = p.card.bars.find((b) => b.label === `${name} · ${role === 'cyp' ? 'CYP' : 'parent carers'}`)!;
          expect(bar).to.deep.include({ filled: 0, empty: 100, value: 'not shown' });
          const row = p.card.outcomes.find((o) => o.label === name)!;
          expect(row[role]).to.equal('fewer than 5 responses');
          const group = role === 'cyp' ? 'children and young people' : 'parent carers';
          for (const r of csv.filter((r) => r.subject === name && r.group === group)) {
            expect(r.value, `${name} ${group} ${r.measure}`).to.equal('');
            expect(r.n).to.equal('');
          }
          expect(d.attention.some((a) => a.kind === 'fell' && a.outcome === name && a.role === role)).to.equal(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes one figure per CSV row with the header, and nothing a spreadsheet would run as a formula', () => {
    const d = buildTermDigest(
      input(new Map([['pc~voice', answered(10, 4)]]), new Map([['pc~voice', answered(10, 3)]])),
    );
    const text = digestFiguresCsv(d);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).to.deep.equal([
      'term',
      'section',
      'subject',
      'group',
      'measure',
      'value',
      'n',
      'note',
    ]);
    expect(
      rows.find((r) => r.subject === 'Voice' && r.group === 'parent carers' && r.measure === 'mean score (1-5)'),
    ).to.include({ value: '4.00', n: '10' });
    expect(rows.find((r) => r.measure.startsWith('change in mean'))).to.include({ value: '1.0' });
    for (const r of rows)
      for (const v of Object.values(r)) if (!/^-?\d+(\.\d+)?$/.test(v)) expect(v).not.to.match(/^[=+\-@\t\r]/);
  });
});

describe('signed download links', () => {
  const secret = 'a-secret-of-enough-length';
  const now = new Date('2026-11-22T12:00:00Z');
  const token = signDownload({ term: '2026-27-autumn', exp: Math.floor(now.getTime() / 1000) + 3600 }, secret);

  it('accepts its own link until it expires', () => {
    expect(verifyDownload(token, secret, now)).to.deep.equal({
      ok: true,
      claims: { term: '2026-27-autumn', exp: Math.floor(now.getTime() / 1000) + 3600 },
    });
    expect(verifyDownload(token, secret, new Date(now.getTime() + 3600_000))).to.deep.equal({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a changed term or expiry, another secret, and malformed tokens', () => {
    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ term: '2025-26-summer', exp: 9_999_999_999 })).toString('base64url');
    expect(verifyDownload(`${forged}.${mac}`, secret, now)).to.deep.equal({ ok: false, reason: 'bad-signature' });
    expect(verifyDownload(token, 'another-secret-entirely', now)).to.deep.equal({ ok: false, reason: 'bad-signature' });
    expect(verifyDownload(`${body}`, secret, now)).to.deep.equal({ ok: false, reason: 'malformed' });
    expect(verifyDownload(`${body}.${mac}.x`, secret, now)).to.deep.equal({ ok: false, reason: 'malformed' });
    expect(verifyDownload('', secret, now)).to.deep.equal({ ok: false, reason: 'malformed' });
    const junk = Buffer.from('not json').toString('base64url');
    expect(
      verifyDownload(signDownload({ term: '2026-27-autumn', exp: 1 }, secret).replace(/^[^.]+/, junk), secret, now).ok,
    ).to.equal(false);
  });
});
