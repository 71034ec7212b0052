import { expect } from 'chai';
import { analyse } from '../../../src/understanding/analysis.js';
import { normalise } from '../../../src/understanding/normalise.js';
import { readOutcome } from '../../../src/understanding/outcomeSlot.js';
import { readReviewRef } from '../../../src/understanding/reviewRefSlot.js';
import { readRoles } from '../../../src/understanding/roleSlot.js';
import { readTerms } from '../../../src/understanding/termSlot.js';
import { lexiconFor } from '../../../src/understanding/vocabulary.js';
import { readWaits } from '../../../src/understanding/waitsSlot.js';
import { SERVICES } from './servicesFixture.js';

const read = (text: string) => analyse(normalise(text).tokens, lexiconFor(SERVICES));

describe('nlu: reading terms', () => {
  const cases: [string, unknown[]][] = [
    ['this term', [{ kind: 'current' }]],
    ['last term', [{ kind: 'previous' }]],
    ['the previous term', [{ kind: 'previous' }]],
    ['autumn', [{ kind: 'named', season: 'autumn' }]],
    ['autum 2025-26', [{ kind: 'named', season: 'autumn', academicYear: '2025-26' }]],
    ['spring 2025/26', [{ kind: 'named', season: 'spring', academicYear: '2025-26' }]],
    ['summer 25/26', [{ kind: 'named', season: 'summer', academicYear: '2025-26' }]],
    ['summer 2025 to 2026', [{ kind: 'named', season: 'summer', academicYear: '2025-26' }]],
    ['2025-26 summer term', [{ kind: 'named', season: 'summer', academicYear: '2025-26' }]],
    ['autumn 2025', [{ kind: 'named', season: 'autumn', academicYear: '2025-26' }]],
    ['spring 2026', [{ kind: 'named', season: 'spring', academicYear: '2025-26' }]],
    ['summer 2025-27', [{ kind: 'named', season: 'summer' }]],
    [
      'between autumn and spring 2024-25',
      [
        { kind: 'named', season: 'autumn', academicYear: '2024-25' },
        { kind: 'named', season: 'spring', academicYear: '2024-25' },
      ],
    ],
    ['this term and this term', [{ kind: 'current' }]],
  ];
  for (const [text, terms] of cases)
    it(`reads ${JSON.stringify(text)}`, () => expect(readTerms(read(text)).terms).to.deep.equal(terms));

  it('tells an explicit comparison from a trend', () => {
    expect(readTerms(read('compare health')).compare).to.equal('explicit');
    expect(readTerms(read('health trend')).compare).to.equal('implicit');
    expect(readTerms(read('health vs last term')).compare).to.equal('implicit');
    expect(readTerms(read('health this term')).compare).to.equal(undefined);
  });

  it('notices a year with no season, and a period that is not a term', () => {
    expect(readTerms(read('scores 2025-26')).yearWithoutSeason).to.deep.equal({ academic: '2025-26' });
    expect(readTerms(read('scores last year')).vague).to.equal(true);
  });
});

describe('nlu: reading roles', () => {
  const cases: [string, string[]][] = [
    ['parents', ['pc']],
    ['children and young people', ['cyp']],
    ['parents and children', ['cyp', 'pc']],
    ['parent carers of children with SEND', ['pc']],
    ['parents whose children have autism', ['pc']],
    ['children and their parents', ['cyp', 'pc']],
    ['mums and dads', ['pc']],
    ['CYP', ['cyp']],
    ['PC', ['pc']],
    ['scores', []],
  ];
  for (const [text, roles] of cases)
    it(`reads ${JSON.stringify(text)}`, () => expect(readRoles(read(text))).to.deep.equal(roles));
});

describe('nlu: reading outcomes', () => {
  it('prefers a clear leader and reports two clearly named outcomes as several', () => {
    expect(readOutcome(read('kept safe'))).to.include({ kind: 'one', outcome: 'safe', byTopic: false });
    expect(readOutcome(read('being listened to'))).to.include({ kind: 'one', outcome: 'voice', byTopic: true });
    expect(readOutcome(read('I get help to be healthy and happy'))).to.include({ kind: 'one', outcome: 'health' });
    expect(readOutcome(read('health and safety'))).to.deep.include({ kind: 'several', outcomes: ['health', 'safe'] });
    expect(readOutcome(read('waiting list'))).to.deep.equal({ kind: 'none' });
  });
});

describe('nlu: reading review references and services', () => {
  const refs: [string, string | undefined][] = [
    ['invite review AR-1042 parent', 'AR-1042'],
    ['invite review ar1042', 'AR1042'],
    ['invite AR 1042 parent', 'AR-1042'],
    ['invite review EHC2024031', 'EHC2024031'],
    ['invite review smith', 'SMITH'],
    ['answers for review smith', 'SMITH'],
    // A word after "review" in a phrase is no reference: "annual review minutes", "the review meeting".
    ['can you send the annual review minutes to the family', undefined],
    ['invite the SENCO to the review meeting', undefined],
    ['invite the parent', undefined],
    ['scores for 2025', undefined],
  ];
  for (const [text, ref] of refs)
    it(`reads the reference in ${JSON.stringify(text)}`, () => expect(readReviewRef(read(text))).to.equal(ref));

  it('finds a service by name, alias or abbreviation, and only from the catalogue', () => {
    expect(readWaits(read('speech and language therapy wait'))).to.deep.equal({ kind: 'service', id: 'salt' });
    expect(readWaits(read('SaLT wait'))).to.deep.equal({ kind: 'service', id: 'salt' });
    expect(readWaits(read('EHCP assessment wait'))).to.deep.equal({ kind: 'service', id: 'ehcna' });
    expect(readWaits(read('wait for the dentist'))).to.deep.equal({ kind: 'unknown', name: 'dentist' });
    expect(readWaits(read('wait for an assessment'))).to.deep.equal({ kind: 'generic', ids: ['adhd', 'asd', 'ehcna'] });
    expect(readWaits(read('waiting times'))).to.deep.equal({ kind: 'all' });
  });
});
