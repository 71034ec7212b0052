import { expect } from 'chai';
import { readMessage } from '../../../src/understanding/readMessage.js';
import { periodAskPhrase, type PeriodAsk } from '../../../src/understanding/periodAsk.js';
import { loadMeasureCatalogue, loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';

const services = loadServiceCatalogue();
const measures = loadMeasureCatalogue().measures;
const read = (text: string) => readMessage(text, services, measures) as Record<string, unknown>;

const termRel = (which: 'current' | 'previous'): PeriodAsk => ({ kind: 'relative', unit: 'term', which });
const yearRel = (which: 'current' | 'previous'): PeriodAsk => ({ kind: 'relative', unit: 'year', which });

describe('the period a measure is asked for', () => {
  const cases: [string, PeriodAsk | undefined][] = [
    // Terms.
    ['attendance for EHCP pupils last term', termRel('previous')],
    ['EHCP attendance for the previous term', termRel('previous')],
    ['complaints this term', termRel('current')],
    ['complaints in the current term', termRel('current')],
    ['complaints in the spring term', { kind: 'term', season: 'spring' }],
    ['complaints in spring', { kind: 'term', season: 'spring' }],
    ['complaints summer 2025', { kind: 'term', season: 'summer', academicYear: '2024-25' }],
    ['complaints autumn 2025', { kind: 'term', season: 'autumn', academicYear: '2025-26' }],
    ['complaints autumn term 2024-25', { kind: 'term', season: 'autumn', academicYear: '2024-25' }],
    ['complaints in the 2024/25 summer term', { kind: 'term', season: 'summer', academicYear: '2024-25' }],
    // Months.
    ['EET in October', { kind: 'month', month: 10 }],
    ['EET October 2025', { kind: 'month', month: 10, year: 2025 }],
    ['EET for Jan 2026', { kind: 'month', month: 1, year: 2026 }],
    ['short breaks in May', { kind: 'month', month: 5 }],
    ['EET last month', { kind: 'relative', unit: 'month', which: 'previous' }],
    ['EET this month', { kind: 'relative', unit: 'month', which: 'current' }],
    // Academic years.
    ['tribunal appeals 2024-25', { kind: 'year', academicYear: '2024-25' }],
    ['tribunal appeals in 2024/25', { kind: 'year', academicYear: '2024-25' }],
    ['tribunal appeals 2024 to 2025', { kind: 'year', academicYear: '2024-25' }],
    ['tribunal appeals last year', yearRel('previous')],
    ['tribunal appeals last academic year', yearRel('previous')],
    ['tribunal appeals in the previous year', yearRel('previous')],
    ['tribunal appeals this year', yearRel('current')],
    ['tribunal appeals this academic year', yearRel('current')],
    ['attendance of EHCP pupils this time last year', { kind: 'yearAgo' }],
    ['EHCP attendance same term last year', { kind: 'yearAgo' }],
    // Further back (session 14): these were read as a year ago, figures for a period nearer than the one asked.
    ['complaints two years ago', { kind: 'yearsAgo', years: 2 }],
    ['attendance for EHCP pupils the year before last', { kind: 'yearsAgo', years: 2 }],
    ['tribunal appeals 3 years back', { kind: 'yearsAgo', years: 3 }],
    ['EHCP attendance four years earlier', { kind: 'yearsAgo', years: 4 }],
    ['complaints a year ago', { kind: 'yearAgo' }],
    // No period: the latest held, with its comparisons.
    ['attendance for EHCP pupils', undefined],
    ['EHCP attendance now', undefined],
    ['EHCP attendance at the moment', undefined],
    ['EHCP attendance compared with last year', undefined],
    ['EHCP attendance vs last term', undefined],
    ['has EHCP attendance improved since last term', undefined],
    ['EHCP attendance since October', undefined],
  ];
  for (const [text, period] of cases)
    it(`"${text}" → ${period ? JSON.stringify(period) : 'the latest'}`, () => {
      const got = read(text);
      expect(got.intent, JSON.stringify(got)).to.equal('measure');
      expect(got.period).to.deep.equal(period);
    });

  it('asks which academic year a calendar year means, offering both with the measure', () => {
    const got = read('tribunal appeals in 2025');
    expect(got).to.deep.include({ intent: 'clarify', question: 'Which academic year do you mean?' });
    expect(got.options).to.deep.equal(['Appeals to the SEND Tribunal 2024-25', 'Appeals to the SEND Tribunal 2025-26']);
  });

  it('says each period back in words it reads again (the ask-back buttons)', () => {
    const asks: PeriodAsk[] = cases.flatMap(([, p]) => (p ? [p] : []));
    for (const ask of asks) {
      const again = read(`complaints ${periodAskPhrase(ask)}`);
      expect(again.period, periodAskPhrase(ask)).to.deep.equal(ask);
    }
  });
});
