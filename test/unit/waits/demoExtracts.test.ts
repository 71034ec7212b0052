import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fromRoot } from '../../../src/config/projectPaths.js';
import { demoReferrals, referralsToCsv } from '../../../src/features/waits/domain/demoExtracts.js';
import { REFERRAL_COLUMNS, validateReferralRow } from '../../../src/features/waits/domain/referral.js';
import { loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import { waitingListStats } from '../../../src/features/waits/domain/waitingListStats.js';

const services = loadServiceCatalogue();
const serviceIds = new Set(services.map((s) => s.id));
const TODAY = '2026-11-22';
const autumn = { start: '2026-09-01', end: '2026-12-31' };

describe('demo waiting-list extracts', () => {
  for (const service of services) {
    it(`keeps seeds/demo/referrals-${service.id}.csv as the generator makes it, every row valid`, () => {
      const text = readFileSync(fromRoot('seeds', 'demo', `referrals-${service.id}.csv`), 'utf8');
      expect(text).to.equal(referralsToCsv(demoReferrals(service.id, service.shortName, TODAY)));
      const rows = parse(text, { columns: true }) as Record<string, string>[];
      expect(Object.keys(rows[0])).to.deep.equal([...REFERRAL_COLUMNS]);
      expect(rows.length).to.be.within(300, 2_000);
      for (const later of [TODAY, '2027-06-01']) {
        // One context per pass, as the import has: the row schema is built once per context, not per row.
        const context = { today: later, serviceIds };
        const bad = rows.map((row) => validateReferralRow(row, context)).filter((result) => !result.ok);
        expect(bad, `rows invalid for today ${later}`).to.deep.equal([]);
      }
      expect(new Set(rows.map((row) => row['referral_id'])).size).to.equal(rows.length);
      expect(rows[0]['referral_id']).to.match(new RegExp(`^${service.shortName}-\\d{6}$`));
    });
  }

  it('is deterministic: the same today and seed give the same referrals', () => {
    expect(demoReferrals('nd', 'ND', '2025-03-01')).to.deep.equal(demoReferrals('nd', 'ND', '2025-03-01'));
    expect(demoReferrals('nd', 'ND', '2025-03-01', 1)).not.to.deep.equal(demoReferrals('nd', 'ND', '2025-03-01', 2));
  });

  it('shows services in different states: SALT near target, autism and ND well over, EHCNA mixed', () => {
    const stats = Object.fromEntries(
      services.map((s) => [s.id, waitingListStats(demoReferrals(s.id, s.shortName, TODAY), s, TODAY, autumn)]),
    );
    expect(stats['salt'].seenWithinTargetThisTerm.share).to.be.within(0.85, 1);
    expect(stats['salt'].triagedWithinTarget!.share).to.be.within(0.85, 0.999); // some triage misses
    expect(stats['asd'].longestWeeks).to.be.greaterThan(52);
    expect(stats['asd'].waitingUnderTarget.share, 'a fifth wait over 52 weeks').to.be.below(0.9);
    expect(stats['nd'].medianWeeks).to.be.greaterThan(12);
    expect(stats['nd'].rag).to.equal('red');
    expect(stats['ehcna'].seenWithinTargetThisTerm.share).to.be.within(0.3, 0.9);
    for (const s of Object.values(stats)) expect(s.waiting).to.be.greaterThan(20);
  });
});
