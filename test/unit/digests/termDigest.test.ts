import { expect } from 'chai';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { digestFiguresCsv } from '../../../src/features/digests/domain/digestFiguresCsv.js';
import { signDownload, verifyDownload } from '../../../src/features/digests/domain/downloadToken.js';
import { buildTermDigest, type TermDigestInput } from '../../../src/features/digests/domain/termDigest.js';
import { outcomeScore, responseRates } from '../../../src/features/scores/domain/outcomeFigures.js';
import {
  loadMeasureCatalogue,
  loadQuestionBank,
  loadServiceCatalogue,
  loadTermCalendar,
} from '../../../src/seeds/loadSeeds.js';
import { measureFigures } from '../../../src/features/measures/domain/measureFigures.js';
import type { OutcomeId } from '../../../src/domain/survey/questionBank.js';
import { waitingListStats } from '../../../src/features/waits/domain/waitingListStats.js';
import { discloseWaits } from '../../../src/features/waits/domain/disclosedWaits.js';
import { LEAD_LINES, presentTermDigest } from '../../../src/features/digests/termDigestPresenter.js';
import { renderCard } from '../../../src/cards/renderCard.js';
import { cardProblems } from '../../support/cardCheck.js';

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

  it('leads with the few lines that need a decision, worst first, and keeps every section one press away (issue #26)', () => {
    // Every outcome fell for parent carers (6), and the ND pathway is red: 7 things need attention.
    const now: Counters = new Map(bank.outcomes.map((o) => [`pc~${o.id}`, answered(10, 3)]));
    now.set('rate~pc', { sent: 1200, started: 1100, completed: 1000 });
    const before: Counters = new Map(bank.outcomes.map((o) => [`pc~${o.id}`, answered(10, 4)]));
    const nd = catalogue.find((s) => s.id === 'nd')!;
    const stats = waitingListStats(
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
    const d = buildTermDigest(input(now, before, [{ service: nd, figures: discloseWaits(stats) }]));
    expect(d.attention).to.have.length(7);
    const card = renderCard('termDigest', presentTermDigest(d).card) as any;
    expect(cardProblems(card)).to.deep.equal([]);
    // Before the first buttons: the title, the lead (red first, at most five) and one line each to act on.
    const firstButtons = card.body.findIndex((e: any) => e.type === 'ActionSet');
    const top = card.body.slice(0, firstButtons);
    expect(JSON.stringify(top)).not.to.match(/"type":"(ColumnSet|FactSet)"/);
    const lead = top.find((e: any) => e.type === 'Container').items.map((i: any) => i.text);
    expect(lead[0]).to.equal('Needs attention (7)');
    expect(lead.slice(1, 1 + LEAD_LINES)).to.have.length(LEAD_LINES);
    expect(lead[1]).to.match(/^🔴 Neurodevelopmental pathway \(ND\): 0% first seen/);
    expect(lead[2]).to.equal('▼ Voice (parent carers) fell from 4.0 to 3.0');
    expect(lead.at(-1)).to.equal('and 2 more: press "Needs attention".');
    // Counts for people (en-GB digit groups).
    expect(top.map((e: any) => e.text)).to.include(
      'Survey responses this term: 83% (1,000 of 1,200 invited completed).',
    );
    // The details, each behind its own button; everything that needs attention there in full.
    const sections = new Map<string, any>(
      card.body
        .filter((e: any) => e.type === 'ActionSet')
        .flatMap((e: any) => e.actions)
        .concat(card.actions)
        .filter((a: any) => a.type === 'Action.ShowCard')
        .map((a: any) => [a.title, a.card]),
    );
    expect([...sections.keys()]).to.deep.equal([
      'Needs attention',
      'Outcome scores',
      'Waiting times',
      'Responses',
      'About the figures',
    ]);
    const inFull = sections.get('Needs attention').body.map((e: any) => e.text);
    expect(inFull.filter((t: string) => /^(▼|🔴)/.test(t))).to.have.length(7);
    // Names on their own lines, never squeezed into a narrow column (words split mid-way in Teams).
    expect(JSON.stringify(sections.get('Waiting times'))).not.to.include('"ColumnSet"');
    const outcomeRows = sections
      .get('Outcome scores')
      .body.filter((e: any) => bank.outcomes.some((o) => o.shortName === e.items?.[0]?.text));
    expect(outcomeRows).to.have.length(bank.outcomes.length);
    for (const row of outcomeRows) expect(row.items.map((i: any) => i.type)).to.deep.equal(Array(3).fill('TextBlock'));
    expect(JSON.stringify(sections.get('Waiting times'))).to.include('"text":"Neurodevelopmental pathway (ND)"');
    expect(card.actions.map((a: any) => a.title)).to.deep.equal(['About the figures', 'Board pack']);
  });

  it('says how many exceptions have no commentary yet, and offers to write it', () => {
    const plans = loadMeasureCatalogue().measures.find((m) => m.id === 'plans_qa_good')!;
    const figures = measureFigures(plans, [
      {
        measureId: plans.id,
        period: '2026-27-autumn',
        numerator: 28,
        denominator: 40,
        value: 0.7,
        loadedAt: '2026-11-20T09:00:00.000Z',
        file: 'measures.csv',
      },
    ])!;
    const base = input(new Map(), new Map());
    const note = {
      measureId: plans.id,
      period: '2026-27-autumn',
      action: 'A quality panel every fortnight.',
      due: '2027-01-31',
      writtenBy: 'm',
      writtenAt: '2026-11-21T10:00:00.000Z',
    };
    const without = presentTermDigest(buildTermDigest({ ...base, measures: [{ measure: plans, figures }] })).card;
    expect(without.lead).to.deep.equal([
      '🔴 New EHC plans graded good or better: 70.0% (28 of 40), 2026-27 Autumn (red against its target) · no commentary yet',
    ]);
    expect(without.decisions[0]).to.equal(
      '1 exception has no commentary yet (what is being done, by when) for the board pack.',
    );
    expect(without.buttons).to.deep.include({ title: 'Write commentary', text: 'exceptions' });
    const written = presentTermDigest(
      buildTermDigest({ ...base, measures: [{ measure: plans, figures }], exceptionNotes: [note] }),
    ).card;
    expect(written.lead[0]).to.match(/· commentary written$/);
    expect(written.decisions.join(' ')).not.to.match(/no commentary/);
    expect(written.buttons.map((b) => b.title)).to.deep.equal(['Board pack']);
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
