import { expect } from 'chai';
import { BotHarness } from '../support/botHarness.js';
import { clientAddress } from '../../src/http/familyPageLimits.js';

/** Family page limits that protect without locking everyone out (HTTP, real Azurite). */
describe('family page limits', function () {
  this.timeout(60_000);

  describe('the client address', () => {
    const req = (xff: string | undefined, socket = '10.0.0.9') => ({
      headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
      socket: { remoteAddress: socket },
    });
    it('ignores X-Forwarded-For unless proxies are trusted, and then takes the entry the nearest trusted proxy wrote', () => {
      expect(clientAddress(req('203.0.113.5'), 0)).to.equal('10.0.0.9');
      expect(clientAddress(req('203.0.113.5:51234'), 1)).to.equal('203.0.113.5');
      expect(clientAddress(req('6.6.6.6, 203.0.113.5'), 1), 'a client cannot put itself first').to.equal('203.0.113.5');
      expect(clientAddress(req('6.6.6.6, 203.0.113.5, 10.1.1.1'), 2)).to.equal('203.0.113.5');
      expect(clientAddress(req('[2001:db8::1]:443'), 1)).to.equal('2001:db8::1');
      expect(clientAddress(req(undefined), 1), 'no header: the socket').to.equal('10.0.0.9');
    });
  });

  describe('behind one trusted proxy', () => {
    let bot: BotHarness;
    let code: string;
    before(async () => {
      bot = await BotHarness.start({
        env: { TRUSTED_PROXY_HOPS: '1', PUBLIC_BASE_URL: 'https://outcomes.example.org' },
      });
      const made = await bot.services.invitationService.invite('LP-1001', 'pc', 'test');
      if (made.kind !== 'created') throw new Error('no invitation');
      code = made.code;
    });
    after(async () => bot?.stop());

    const page = (path: string, from: string) =>
      fetch(`${bot.baseUrl}${path}`, { headers: { 'x-forwarded-for': from } });

    it('slows one noisy client without locking out the families behind the same proxy', async () => {
      let last = 200;
      for (let i = 0; i < 40 && last !== 429; i++)
        last = (await page(`/survey/ZZZZZZZZ2${i % 10}`, '203.0.113.5')).status;
      expect(last, 'the noisy client').to.equal(429);
      expect((await page(`/survey/${code}`, '203.0.113.6')).status, 'another family').to.equal(200);
      const token = await fetch(`${bot.baseUrl}/api/directline/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ code }),
      });
      expect(token.status, "another family's token").to.equal(200);
    });

    it('limits one code opened from many addresses, without touching other codes', async () => {
      let last = 200;
      for (let i = 0; i < 30 && last !== 429; i++)
        last = (await page('/survey/ABCDEFGH23', `198.51.100.${i + 1}`)).status;
      expect(last).to.equal(429);
      expect((await page(`/survey/${code}`, '198.51.100.200')).status).to.equal(200);
    });

    it('tells browsers to use https only, when served over https', async () => {
      const res = await page(`/survey/${code}`, '192.0.2.1');
      expect(res.headers.get('strict-transport-security')).to.match(/max-age=\d{7,}/);
    });
  });

  describe('with no trusted proxy', () => {
    let bot: BotHarness;
    before(async () => (bot = await BotHarness.start()));
    after(async () => bot?.stop());

    it('ignores a forged X-Forwarded-For: every request from the socket counts against it', async () => {
      let last = 200;
      for (let i = 0; i < 40 && last !== 429; i++)
        last = (
          await fetch(`${bot.baseUrl}/survey/ZZZZZZZZ2${i % 10}`, { headers: { 'x-forwarded-for': `192.0.2.${i}` } })
        ).status;
      expect(last).to.equal(429);
    });

    it('sends no HSTS over plain http', async () => {
      expect((await fetch(`${bot.baseUrl}/survey/ZZZZZZZZ22`)).headers.get('strict-transport-security')).to.equal(null);
    });
  });
});
