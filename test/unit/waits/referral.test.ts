import { expect } from 'chai';
import {
  missingReferralColumns,
  REFERRAL_COLUMNS,
  validateReferralRow,
} from '../../../src/features/waits/domain/referral.js';

const ctx = { today: '2026-11-22', serviceIds: new Set(['salt', 'asd', 'adhd', 'nd', 'ehcna']) };
const row = (over: Record<string, string> = {}): Record<string, string> => ({
  referral_id: 'SALT-000123',
  service: 'salt',
  referred_on: '2026-02-01',
  triaged_on: '',
  first_seen_on: '',
  closed_on: '',
  ...over,
});
const errorsOf = (over: Record<string, string>) => {
  const result = validateReferralRow(row(over), ctx);
  return result.ok ? [] : result.errors;
};

describe('referral row validation', () => {
  it('gives the extract columns in SPEC order', () => {
    expect(REFERRAL_COLUMNS).to.deep.equal([
      'referral_id',
      'service',
      'referred_on',
      'triaged_on',
      'first_seen_on',
      'closed_on',
    ]);
    expect(missingReferralColumns(['referral_id', 'Service', 'referred_on', 'first_seen_on'])).to.deep.equal([
      'triaged_on',
      'closed_on',
    ]);
  });

  it('accepts a referral still waiting, leaving its empty dates out', () => {
    expect(validateReferralRow(row(), ctx)).to.deep.equal({
      ok: true,
      referral: { referralId: 'SALT-000123', service: 'salt', referredOn: '2026-02-01' },
    });
  });

  it('accepts a full row, trimming cells and reading the service id in any case', () => {
    const result = validateReferralRow(
      row({
        referral_id: ' a.b_c-1 ',
        service: ' SALT',
        triaged_on: '2026-02-01',
        first_seen_on: '2026-03-01',
        closed_on: '2026-11-22',
      }),
      ctx,
    );
    expect(result).to.deep.equal({
      ok: true,
      referral: {
        referralId: 'a.b_c-1',
        service: 'salt',
        referredOn: '2026-02-01',
        triagedOn: '2026-02-01',
        firstSeenOn: '2026-03-01',
        closedOn: '2026-11-22',
      },
    });
  });

  it('accepts 29 February in a leap year and refuses it in another', () => {
    expect(validateReferralRow(row({ referred_on: '2024-02-29' }), ctx).ok).to.equal(true);
    expect(errorsOf({ referred_on: '2025-02-29' })).to.deep.equal([
      "referred_on '2025-02-29' is not a real date (use YYYY-MM-DD)",
    ]);
  });

  const bad: Array<[string, Record<string, string>, string[]]> = [
    ['a month 13', { referred_on: '2025-13-01' }, ["referred_on '2025-13-01' is not a real date (use YYYY-MM-DD)"]],
    [
      'a UK-style date',
      { first_seen_on: '01/03/2026' },
      ["first_seen_on '01/03/2026' is not a real date (use YYYY-MM-DD)"],
    ],
    [
      'seen before referral',
      { referred_on: '2025-02-01', first_seen_on: '2025-01-02' },
      ['first_seen_on 2025-01-02 is before referred_on 2025-02-01'],
    ],
    [
      'triaged before referral',
      { triaged_on: '2026-01-31' },
      ['triaged_on 2026-01-31 is before referred_on 2026-02-01'],
    ],
    ['closed before referral', { closed_on: '2025-12-25' }, ['closed_on 2025-12-25 is before referred_on 2026-02-01']],
    [
      'a referral dated after today',
      { referred_on: '2026-11-23' },
      ['referred_on 2026-11-23 is after today (2026-11-22)'],
    ],
    [
      'a seen date after today',
      { first_seen_on: '2027-01-05' },
      ['first_seen_on 2027-01-05 is after today (2026-11-22)'],
    ],
    [
      'an empty referral date',
      { referred_on: '' },
      ['referred_on is empty (every referral needs the date it was made)'],
    ],
    ['an empty id', { referral_id: '  ' }, ['referral_id is empty']],
    [
      'an id with a space',
      { referral_id: 'SALT 1' },
      ["referral_id 'SALT 1' may only use letters, digits, '.', '_' and '-'"],
    ],
    [
      'an id with a slash',
      { referral_id: 'SALT/1' },
      ["referral_id 'SALT/1' may only use letters, digits, '.', '_' and '-'"],
    ],
    ['an id of 101 characters', { referral_id: 'x'.repeat(101) }, ['referral_id is longer than 100 characters']],
    [
      'an unknown service',
      { service: 'dentist' },
      ["service 'dentist' is not a known service (known: adhd, asd, ehcna, nd, salt)"],
    ],
    ['an empty service', { service: '' }, ['service is empty']],
  ];
  for (const [what, over, errors] of bad) {
    it(`refuses ${what}, saying so in plain English`, () => {
      expect(errorsOf(over)).to.deep.equal(errors);
    });
  }

  it('accepts an id of exactly 100 characters', () => {
    expect(validateReferralRow(row({ referral_id: 'x'.repeat(100) }), ctx).ok).to.equal(true);
  });

  it('reports every problem in a row at once', () => {
    expect(
      errorsOf({ referral_id: '', service: 'dentist', referred_on: '2026-02-30', closed_on: '2026-12-01' }),
    ).to.have.length(4);
  });

  it('does not compare dates with a referral date that is itself wrong', () => {
    expect(errorsOf({ referred_on: 'soon', first_seen_on: '2026-01-01' })).to.deep.equal([
      "referred_on 'soon' is not a real date (use YYYY-MM-DD)",
    ]);
  });

  it('names a missing column', () => {
    const withoutClosed = row();
    delete withoutClosed['closed_on'];
    const result = validateReferralRow(withoutClosed, ctx);
    expect(result).to.deep.equal({ ok: false, errors: ['the closed_on column is missing'] });
  });

  it('shortens a long bad value it quotes back', () => {
    const [error] = errorsOf({ service: 'a'.repeat(500) });
    expect(error.length).to.be.lessThan(120);
  });
});
