import { expect } from 'chai';
import { BotHarness, sectionLine } from '../support/botHarness.js';

/** The family page and its token exchange, over HTTP against real Azurite. */
describe('family web page', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  let code: string;
  before(async () => {
    bot = await BotHarness.start();
    const inv = await bot.services.invitationService.invite('WP-1001', 'pc', 'test');
    if (inv.kind !== 'created') throw new Error('no invitation');
    code = inv.code;
  });
  after(async () => bot?.stop());

  it('serves a small accessible page for a valid link, with the code and no secret in it', async () => {
    const res = await fetch(`${bot.baseUrl}/survey/${code}`);
    expect(res.status).to.equal(200);
    const html = await res.text();
    expect(html).to.include('<html lang="en-GB">');
    expect(html).to.include('name="viewport"');
    expect(html).to.include(`"code":"${code}"`);
    expect(html).to.include('/static/webchat.js');
    expect(html).not.to.match(/cdn\.|https?:\/\/(?!localhost)/i);
    expect(res.headers.get('content-security-policy')).to.include("script-src 'self'");
  });

  for (const [what, path, status, text] of [
    ['an unknown code', '/survey/ZZZZZZZZ22', 404, 'We could not find this survey'],
    ['a malformed link', '/survey/abc', 404, 'This link is not complete'],
  ] as const) {
    it(`answers ${what} with a friendly page, not an error`, async () => {
      const res = await fetch(`${bot.baseUrl}${path}`);
      expect(res.status).to.equal(status);
      const html = await res.text();
      expect(html).to.include(text);
      expect(html).not.to.match(/error|stack|exception/i);
    });
  }

  it('tells a family with an expired link to ask for a new one', async () => {
    bot.clock.advanceDays(61);
    try {
      const html = await (await fetch(`${bot.baseUrl}/survey/${code}`)).text();
      expect(html).to.include('This invitation has expired');
    } finally {
      bot.clock.set('2026-11-22');
    }
  });

  it('gives the page a Direct Line token for a valid code and refuses others', async () => {
    const ok = await fetch(`${bot.baseUrl}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(ok.status).to.equal(200);
    const token = (await ok.json()) as { token: string; userId: string };
    expect(token.token).to.be.a('string');
    expect(token.userId).to.match(/^dl_/);
    const bad = await fetch(`${bot.baseUrl}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'ZZZZZZZZ22' }),
    });
    expect(bad.status).to.equal(404);
    const malformed = await fetch(`${bot.baseUrl}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"nope":1}',
    });
    expect(malformed.status).to.equal(400);
  });

  it('serves Web Chat from the npm package, not a CDN', async () => {
    const res = await fetch(`${bot.baseUrl}/static/webchat.js`);
    expect(res.status).to.equal(200);
    expect(Number((await res.arrayBuffer()).byteLength)).to.be.greaterThan(1_000_000);
  });

  it("starts the survey from the page's start event, without the code appearing as a message", async () => {
    const family = bot.user({ channelId: 'directline' });
    const { activities } = await bot.post({
      type: 'event',
      name: 'survey/start',
      value: { code },
      id: 'e1',
      channelId: 'directline',
      serviceUrl: 'http://127.0.0.1:1/',
      from: { id: family.id },
      recipient: { id: 'bot' },
      conversation: { id: family.conversationId },
    });
    const card = activities.flatMap((a) => a.attachments ?? []).at(-1)?.content;
    expect(sectionLine(card)).to.equal('Section 1 of 7');
  });

  it('limits requests per address', async () => {
    let last = 200;
    for (let i = 0; i < 40 && last !== 429; i++)
      last = (await fetch(`${bot.baseUrl}/survey/ZZZZZZZZ2${i % 10}`)).status;
    expect(last).to.equal(429);
  });
});
