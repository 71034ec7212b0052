import { expect } from 'chai';
import { outcomeRow, questionFields } from '../../../src/features/scores/domain/aggregateDelta.js';
import type { ExtractSnapshot } from '../../../src/features/waits/domain/extractSnapshot.js';
import { askedPeriod } from '../../../src/domain/terms/askedPeriod.js';
import { chooseTerm, termsAround, termsCovering } from '../../../src/domain/terms/termlyAnswer.js';
import { loadTermCalendar } from '../../../src/seeds/loadSeeds.js';
import { FakeTurn, fakeWorld, PRACTITIONER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/**
 * Issue #24: every figures answer takes a period as asked and leads with it. Survey figures (scores, response
 * rates, themes) are termly: a month is answered as the term it is in, a year as its latest term held, each
 * said first; a period with nothing held says so and offers the nearest term held. A waiting list is answered
 * as the extract on or before the period's end stood, said by its date. Through the router on the fakes, so
 * the understanding, the follow-up, the route and the presenters are the bot's own. "Today" is 2 November 2026
 * (the autumn term 2026-27).
 */
describe('figures for the period asked (issue #24)', () => {
  const calendar = loadTermCalendar();

  describe('the termly answer (pure)', () => {
    const today = '2026-11-02';
    const place = (ask: Parameters<typeof askedPeriod>[0]) => askedPeriod(ask, calendar, today)!;
    const heldOnly =
      (...ids: string[]) =>
      (t: { id: string }) =>
        ids.includes(t.id);
    const choose = (ask: Parameters<typeof askedPeriod>[0], ...held: string[]) => {
      const asked = place(ask);
      return chooseTerm(
        asked,
        termsCovering(asked, calendar, today),
        termsAround(asked, calendar, today),
        heldOnly(...held),
        'scores',
      );
    };

    it('places a month without a year at its latest occurrence, and names periods as people say them', () => {
      expect(place({ kind: 'month', month: 10 })).to.deep.include({ start: '2026-10-01', end: '2026-10-31' });
      expect(place({ kind: 'month', month: 12 }).name).to.equal('December 2025');
      expect(place({ kind: 'relative', unit: 'month', which: 'previous' }).name).to.equal('October 2026');
      expect(place({ kind: 'relative', unit: 'year', which: 'previous' })).to.deep.include({
        name: '2025-26',
        start: '2025-09-01',
        end: '2026-08-31',
      });
      expect(place({ kind: 'term', season: 'spring' }).name).to.equal('the spring term 2025-26');
      expect(place({ kind: 'yearAgo' }).name).to.equal('this time last year (2 November 2025)');
    });

    it('a month is the term it is in, said so; a year its latest term held, said so', () => {
      expect(choose({ kind: 'month', month: 10, year: 2025 }, '2025-26-autumn')).to.deep.include({
        kind: 'held',
        lead: 'Survey figures are kept by term; October 2025 is in the autumn term 2025-26:',
      });
      const year = choose({ kind: 'year', academicYear: '2025-26' }, '2025-26-autumn', '2025-26-spring');
      expect(year).to.deep.include({
        kind: 'held',
        lead: 'Survey figures are kept by term; for 2025-26 the latest term held is the spring term 2025-26:',
      });
    });

    it('nothing held: says so by name and offers the nearest term held (the later of two as near)', () => {
      expect(choose({ kind: 'month', month: 10, year: 2024 }, '2025-26-autumn', '2026-27-autumn')).to.deep.include({
        kind: 'nearest',
        lead: 'No scores are held for October 2024; the nearest term held is the autumn term 2025-26:',
      });
      expect(choose({ kind: 'year', academicYear: '2019-20' }).kind).to.equal('none');
      expect(choose({ kind: 'year', academicYear: '2019-20' })).to.deep.include({
        text: 'No scores are held for 2019-20, nor for any term near it.',
      });
    });
  });

  describe('in the chat, on the fakes', () => {
    let w: FakeWorld;
    const give = (term: string, role: 'cyp' | 'pc', outcome: string, counts: number[]) => {
      const rows = w.aggregates.counters.get(term) ?? new Map<string, Record<string, number>>();
      w.aggregates.counters.set(term, rows);
      const row = rows.get(outcomeRow(role, outcome)) ?? {};
      rows.set(outcomeRow(role, outcome), row);
      const f = questionFields(1);
      const n = counts.reduce((a, b) => a + b, 0);
      row[f.n] = n;
      row[f.sum] = counts.reduce((a, c, i) => a + c * (i + 1), 0);
      counts.forEach((c, i) => (row[f.count(i + 1)] = c));
      row.resp = n;
      row.seen = n;
    };
    const snap = (asOf: string, waiting: number): ExtractSnapshot => ({
      version: 1,
      serviceId: 'salt',
      asOf,
      waiting,
      medianWeeks: 6,
      bands: [],
      underTarget: { withinWeeks: 18, count: waiting - 5 },
      underAim: null,
    });
    const chat = async (...texts: string[]) => {
      const said: string[] = [];
      for (const text of texts) {
        const turn = new FakeTurn(PRACTITIONER, { text, conversationId: 'conv-period' });
        await w.router.routeText(turn);
        said.push(turn.said.map((r) => `${r.text ?? ''}\n${JSON.stringify(r.card ?? '')}`).join('\n'));
      }
      return said;
    };

    beforeEach(async () => {
      w = fakeWorld({ today: '2026-11-02' });
      give('2025-26-autumn', 'pc', 'safe', [0, 1, 2, 4, 5]); // 4.1
      give('2025-26-summer', 'pc', 'safe', [2, 3, 1, 0, 0]); // 1.8
      for (const s of [snap('2026-08-20', 20), snap('2026-10-28', 25), snap('2026-11-01', 30)])
        await w.waitSummaries.saveSnapshot(s, 0);
    });

    it('scores for a month lead with the term it is in, said so, and that term’s figures', async () => {
      const [said] = await chat('how did parents rate safe in October 2025');
      expect(said).to.match(/^Survey figures are kept by term; October 2025 is in the autumn term 2025-26:/);
      expect(said).to.include('2025-26 Autumn');
      expect(said).to.include('4.1');
      expect(said).to.not.include('1.8');
    });

    it('scores for last year: its latest term held, said so', async () => {
      const [said] = await chat('safe scores for parents last year');
      expect(said).to.match(
        /^Survey figures are kept by term; for 2025-26 the latest term held is the summer term 2025-26:/,
      );
      expect(said).to.include('1.8');
    });

    it('a period with nothing held says so by name and offers the nearest term held, never silently another', async () => {
      const [october, spring] = await chat(
        'kept safe scores for parents in October 2024',
        'safe scores in the spring term',
      );
      expect(october).to.match(
        /^No scores are held for October 2024; the nearest term held is the autumn term 2025-26:/,
      );
      // Spring 2025-26 (1 January) is nearer the summer term (1 April) than the autumn (1 September).
      expect(spring).to.match(
        /^No scores are held for the spring term 2025-26; the nearest term held is the summer term 2025-26:/,
      );
    });

    it('the period question works as a follow-up ("and last year?", "what about in October 2025?")', async () => {
      const [, lastYear, october] = await chat(
        'how are parents finding kept safe',
        'and last year?',
        'what about in October 2025?',
      );
      expect(lastYear).to.match(/^Survey figures are kept by term; for 2025-26 the latest term held/);
      expect(october).to.match(/^Survey figures are kept by term; October 2025 is in the autumn term 2025-26:/);
    });

    it('an outcome "overall" for a period is its scores for that period, said so; the measures table says its scope', async () => {
      const [overall, table] = await chat(
        'how is safe doing overall for parents last year',
        'show me all the KPIs last year',
      );
      expect(overall).to.match(/^Survey figures are kept by term; for 2025-26 the latest term held is the summer term/);
      expect(table).to.match(
        /^The table shows each measure for its latest period held, not last year; for last year, ask for one measure by name \(for example "complaints last year"\)\./,
      );
    });

    it('this term with nothing yet is answered as before', async () => {
      const [said] = await chat('kept safe scores');
      expect(said).to.match(/^No answers yet for 2026-27 Autumn/);
    });

    it('response rate and themes for a month or a year say the term that answers them', async () => {
      const [rate, themes, none] = await chat(
        'response rate in October 2025',
        'what are parents saying about safe last year',
        'response rate in 2019-20',
      );
      expect(rate).to.match(/^Survey figures are kept by term; October 2025 is in the autumn term 2025-26:/);
      expect(rate).to.include('2025-26 Autumn');
      expect(themes).to.match(/^Survey figures are kept by term; for 2025-26 the latest term held is the summer term/);
      expect(none).to.match(/^No response figures are held for 2019-20/);
    });

    it('a waiting list for a month is the extract within it; none loaded in it, the last before, said so', async () => {
      const [october, september] = await chat('SALT wait at the end of October', 'SALT waits in September 2026');
      expect(october).to.match(/at the end of October 2026, as the extract of 28 October 2026 stood: 25 waiting/);
      expect(october).to.include('1 November 2026 (latest)');
      expect(september).to.match(
        /^.*No .* extract was loaded in September 2026; the last before it, of 20 August 2026: 20 waiting/m,
      );
    });

    it('a waiting list older than every extract offers the earliest, said so; follow-ups change the period', async () => {
      const [old, , lastMonth] = await chat(
        'speech therapy waits in 2024-25',
        'current wait for SALT',
        'and last month?',
      );
      expect(old).to.match(
        /extract is held from 2024-25 or before; the earliest held is of 20 August 2026: 20 waiting/,
      );
      expect(lastMonth).to.match(/at the end of October 2026, as the extract of 28 October 2026 stood/);
    });

    it('every waiting list for a period: one row per service at its extract', async () => {
      const [said] = await chat('all waiting lists as they were last month');
      expect(said).to.match(/^Waiting lists in October 2026/);
      expect(said).to.match(/extract of 28 October 2026/);
    });
  });
});
