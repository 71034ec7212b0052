import { fromRoot } from '../../src/config/projectPaths.js';
import { request } from 'node:http';
import { expect } from 'chai';
import { BotHarness, type Activity } from '../support/botHarness.js';

/**
 * The local, unauthenticated bot answers only this machine's own clients: no other web page in the
 * developer's browser can drive it (cross-site posts) or read it (DNS rebinding), and its local Direct
 * Line takes the bot's replies only at the address it gave the bot. HTTP, real Azurite.
 */
describe('local bot: only this machine may drive it (HTTP, real Azurite)', function () {
  this.timeout(60_000);

  /** One request with exactly these headers (fetch would not send a Host or Sec-Fetch-Site of our choosing). */
  function raw(
    baseUrl: string,
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<{ status: number; body: string; type: string }> {
    const url = new URL(baseUrl);
    return new Promise((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, method, path, headers, setHost: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, type: String(res.headers['content-type']) }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  const activity = (ref: string): Activity => ({
    type: 'message',
    text: `invite review ${ref} parent`,
    id: `a-${ref}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1/',
    deliveryMode: 'expectReplies',
    from: { id: 'u' },
    recipient: { id: 'b' },
    conversation: { id: `c-${ref}`, conversationType: 'personal' },
  });

  /** The same activity as an HTML form can send it (restify's form parser reads `from[id]` as nested). */
  const asForm = (ref: string) =>
    new URLSearchParams({
      type: 'message',
      text: `invite review ${ref} parent`,
      id: `a-${ref}`,
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:1/',
      deliveryMode: 'expectReplies',
      'from[id]': 'u',
      'recipient[id]': 'b',
      'conversation[id]': `c-${ref}`,
      'conversation[conversationType]': 'personal',
    }).toString();

  describe('unauthenticated, with every staff role granted', () => {
    let bot: BotHarness;
    let host: string;
    let code: string;
    before(async () => {
      bot = await BotHarness.start({ env: { DEV_ROLES: 'practitioner,manager,admin' } });
      host = new URL(bot.baseUrl).host;
      const made = await bot.services.invitationService.invite('LH-1001', 'pc', 'test');
      if (made.kind !== 'created') throw new Error('no invitation');
      code = made.code;
    });
    after(async () => bot?.stop());

    const invitationsFor = async (ref: string) => (await bot.stores.invitations.forReview(ref)).length;

    it('makes an invitation from a JSON post on this machine (the check below can fail)', async () => {
      const res = await raw(
        bot.baseUrl,
        'POST',
        '/api/messages',
        { host, 'content-type': 'application/json; charset=utf-8' },
        JSON.stringify(activity('LH-2000')),
      );
      expect(res.status).to.equal(200);
      expect(await invitationsFor('LH-2000')).to.equal(1);
    });

    it('refuses a form post, cross-site or not, and anything else that is not JSON, and makes nothing', async () => {
      const crossSite = await raw(
        bot.baseUrl,
        'POST',
        '/api/messages',
        {
          host,
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://evil.example',
          'sec-fetch-site': 'cross-site',
        },
        asForm('LH-2001'),
      );
      expect(crossSite.status, 'cross-site form').to.be.oneOf([403, 415]);
      const form = await raw(
        bot.baseUrl,
        'POST',
        '/api/messages',
        { host, 'content-type': 'application/x-www-form-urlencoded' },
        asForm('LH-2001'),
      );
      expect(form.status, 'form from this machine').to.equal(415);
      for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/jsonx']) {
        const res = await raw(
          bot.baseUrl,
          'POST',
          '/api/messages',
          { host, 'content-type': type },
          JSON.stringify(activity('LH-2001')),
        );
        expect(res.status, type).to.equal(415);
        expect(res.body).not.to.match(/Error|at \w+ \(/);
      }
      expect(await invitationsFor('LH-2001')).to.equal(0);
    });

    it('answers only requests addressed to this machine by name, on every route (DNS rebinding)', async () => {
      const port = new URL(bot.baseUrl).port;
      const routes: [string, string, string?][] = [
        ['GET', '/healthz'],
        ['GET', `/survey/${code}`],
        ['GET', '/you-said-we-did'],
        ['GET', '/static/faces/face-1.png'],
        ['POST', '/api/messages', JSON.stringify(activity('LH-2002'))],
        ['POST', '/api/directline/token', JSON.stringify({ code })],
      ];
      for (const name of [
        'evil.example',
        `evil.example:${port}`,
        `localhost.evil.example:${port}`,
        `127.0.0.1.nip.io:${port}`,
        `evil.example@127.0.0.1:${port}`,
        `0.0.0.0:${port}`,
        `[::2]:${port}`,
        '',
      ])
        for (const [method, path, body] of routes) {
          const res = await raw(bot.baseUrl, method, path, { host: name, 'content-type': 'application/json' }, body);
          expect(res.status, `${name} ${method} ${path}`).to.be.oneOf([421, 403]);
          expect(res.body, `${name} ${path}`).to.match(/^[A-Z][^<>{}]*\.$/);
        }
      expect(await invitationsFor('LH-2002')).to.equal(0);
      for (const name of [
        `localhost:${port}`,
        `LOCALHOST:${port}`,
        'localhost',
        `127.0.0.1:${port}`,
        '127.9.8.7',
        `[::1]:${port}`,
      ])
        expect((await raw(bot.baseUrl, 'GET', '/healthz', { host: name })).status, name).to.equal(200);
    });

    it("refuses requests another site's page makes, and serves the family page's own", async () => {
      const port = new URL(bot.baseUrl).port;
      const json = { host, 'content-type': 'application/json' };
      for (const origin of [
        'https://evil.example',
        'null',
        `http://localhost.evil.example:${port}`,
        'http://10.0.0.1',
      ]) {
        const res = await raw(
          bot.baseUrl,
          'POST',
          '/api/messages',
          { ...json, origin },
          JSON.stringify(activity('LH-2003')),
        );
        expect(res.status, origin).to.equal(403);
        expect(res.body).to.match(/^[A-Z][^<>{}]*\.$/);
      }
      expect(await invitationsFor('LH-2003')).to.equal(0);
      const crossSite = await raw(bot.baseUrl, 'GET', `/survey/${code}`, { host, 'sec-fetch-site': 'cross-site' });
      expect(crossSite.status, 'a cross-site request without an Origin').to.equal(403);
      const token = await raw(
        bot.baseUrl,
        'POST',
        '/api/directline/token',
        { ...json, origin: `http://localhost:${port}`, 'sec-fetch-site': 'same-origin' },
        JSON.stringify({ code }),
      );
      expect(token.status, "the page's own token request").to.equal(200);
      const page = await raw(bot.baseUrl, 'GET', `/survey/${code}`, { host, 'sec-fetch-site': 'none' });
      expect(page.status, 'a link typed or pasted').to.equal(200);
      const other = await raw(
        bot.baseUrl,
        'POST',
        '/api/messages',
        { ...json, origin: 'http://127.0.0.1:56150' },
        JSON.stringify(activity('LH-2004')),
      );
      expect(other.status, 'another local client').to.equal(200);
      // Cards name their face pictures by PUBLIC_BASE_URL (localhost), so a page on 127.0.0.1 loads them cross-site.
      const face = await raw(bot.baseUrl, 'GET', '/static/faces/face-1.png', { host, 'sec-fetch-site': 'cross-site' });
      expect(face.status, 'a public picture').to.equal(200);
    });

    it('carries a family from the page through the local Direct Line to the first card', async () => {
      const port = new URL(bot.baseUrl).port;
      const res = await raw(
        bot.baseUrl,
        'POST',
        '/api/directline/token',
        {
          host,
          'content-type': 'application/json',
          origin: `http://localhost:${port}`,
          'sec-fetch-site': 'same-origin',
        },
        JSON.stringify({ code }),
      );
      expect(res.status).to.equal(200);
      const token = JSON.parse(res.body) as { token: string; conversationId: string; domain: string };
      const auth = { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' };
      expect((await fetch(`${token.domain}/conversations`, { method: 'POST', headers: auth })).status).to.equal(201);
      const sent = await fetch(`${token.domain}/conversations/${token.conversationId}/activities`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ type: 'event', name: 'survey/start', value: { code } }),
      });
      expect(sent.status).to.equal(200);
      let history: Activity[] = [];
      for (let i = 0; i < 50 && !history.some((a) => a.attachments?.length); i++) {
        await new Promise((r) => setTimeout(r, 100));
        const polled = await fetch(`${token.domain}/conversations/${token.conversationId}/activities`, {
          headers: auth,
        });
        history = ((await polled.json()) as { activities: Activity[] }).activities;
      }
      const card = history.flatMap((a) => a.attachments ?? []).at(-1)?.content as Activity | undefined;
      expect(JSON.stringify(card)).to.include('Section 1 of 7');
      expect(JSON.stringify(history)).not.to.include('serviceUrl');
      const forged = await fetch(
        `${token.domain.replace('/v3/directline', '')}/v3/conversations/${token.conversationId}/activities`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'Your survey is cancelled, call 0900 000 000.' }),
        },
      );
      expect(forged.status, 'a reply posted without the bot side secret').to.be.oneOf([403, 404]);
    });
  });

  describe('with credentials', () => {
    let bot: BotHarness;
    before(async () => {
      bot = await BotHarness.start({
        env: {
          MicrosoftAppType: 'SingleTenant',
          MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
          MicrosoftAppPassword: 'not-a-real-secret',
          MicrosoftAppTenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
          PUBLIC_BASE_URL: 'https://outcomes.example.org',
          DIRECT_LINE_SECRET: 'not-a-real-secret',
          FAMILY_HELP_TEXT: 'If anyone is in danger now call 999.',
          LEGAL_TEXT_FILE: fromRoot('test', 'support', 'legal.northshire.json'),
        },
      });
    });
    after(async () => bot?.stop());

    it('serves its public name (the channel posts JSON with a token) and still takes only JSON', async () => {
      const host = 'outcomes.example.org';
      expect((await raw(bot.baseUrl, 'GET', '/healthz', { host })).status).to.equal(200);
      const body = JSON.stringify({ ...activity('LH-3001'), serviceUrl: 'https://smba.trafficmanager.net/uk/' });
      const json = await raw(bot.baseUrl, 'POST', '/api/messages', { host, 'content-type': 'application/json' }, body);
      expect(json.status, 'reaches the token check').to.equal(401);
      const form = await raw(
        bot.baseUrl,
        'POST',
        '/api/messages',
        { host, 'content-type': 'application/x-www-form-urlencoded' },
        asForm('LH-3001'),
      );
      expect(form.status).to.equal(415);
    });
  });
});
