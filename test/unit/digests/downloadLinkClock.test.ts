import { expect } from 'chai';
import { systemClock } from '../../../src/domain/clock.js';
import { addDays } from '../../../src/domain/dates.js';
import { signDownload, verifyDownload } from '../../../src/features/digests/domain/downloadToken.js';

/** BOT_TODAY once set a link's expiry while the check used the real clock: every fresh link answered 410. */
describe('the clock with BOT_TODAY', () => {
  for (const fixed of ['2025-01-15', '2030-06-30']) {
    it(`keeps "now" on ${fixed}, so a fresh download link works and expires on its day`, () => {
      const clock = systemClock(fixed);
      expect(clock.now().toISOString().slice(0, 10)).to.equal(clock.today());
      const expiresOn = addDays(clock.today(), 7);
      const token = signDownload(
        { term: '2024-25-spring', exp: Math.floor(Date.parse(`${expiresOn}T23:59:59Z`) / 1000) },
        'secret',
      );
      expect(verifyDownload(token, 'secret', clock.now()).ok).to.equal(true);
      expect(verifyDownload(token, 'secret', systemClock(addDays(expiresOn, 1)).now())).to.deep.equal({
        ok: false,
        reason: 'expired',
      });
    });
  }

  it('is the real time without BOT_TODAY', () => {
    expect(Math.abs(systemClock().now().getTime() - Date.now())).to.be.lessThan(1000);
  });
});
