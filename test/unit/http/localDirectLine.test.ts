import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import restify from 'restify';
import { DirectLineServiceTokens } from '../../../src/http/directLineTokens.js';
import { startLocalDirectLine, type LocalDirectLine } from '../../../src/http/localDirectLine.js';

type Activity = Record<string, unknown>;

/**
 * The embedded Direct Line, with restify loaded in the same process as in the bot (restify patches
 * Node's request prototype, which once made every poll return the whole history and rebuilt the cards).
 */
describe('local Direct Line', () => {
  let bot: Server;
  let dl: LocalDirectLine;
  const received: Activity[] = [];
  let botUp = true;

  before(async () => {
    restify.createServer(); // the process the bot runs in has restify loaded
    bot = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', async () => {
        if (!botUp) {
          res.destroy();
          return;
        }
        const activity = JSON.parse(body) as Activity;
        received.push(activity);
        if (activity.type === 'message') {
          const conv = (activity.conversation as { id: string }).id;
          await fetch(`${activity.serviceUrl}/v3/conversations/${conv}/activities/${activity.id}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'message', text: `echo ${activity.text}` }),
          });
        }
        res.writeHead(200);
        res.end();
      });
    });
    await new Promise<void>((r) => bot.listen(0, '127.0.0.1', r));
    dl = await startLocalDirectLine(`http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/messages`);
  });
  after(async () => {
    await dl.close();
    bot.close();
  });

  async function open() {
    const token = await new DirectLineServiceTokens(dl.secret, dl.endpoint).issue();
    const auth = { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' };
    const started = await fetch(`${token.domain}/conversations`, { method: 'POST', headers: auth });
    expect(started.status).to.equal(201);
    const poll = async (watermark: string) =>
      (await (
        await fetch(`${token.domain}/conversations/${token.conversationId}/activities?watermark=${watermark}`, {
          headers: auth,
        })
      ).json()) as { activities: Activity[]; watermark: string };
    const post = (activity: Activity) =>
      fetch(`${token.domain}/conversations/${token.conversationId}/activities`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(activity),
      });
    return { token, auth, poll, post };
  }

  it('returns only activities after the watermark, so an idle transcript never changes', async () => {
    const { poll, post } = await open();
    expect((await post({ type: 'message', text: 'hello', from: { id: 'someone-else' } })).status).to.equal(200);
    const first = await poll('');
    expect(first.activities.map((a) => a.text)).to.deep.equal(['hello', 'echo hello']);
    for (let i = 0; i < 3; i++) expect((await poll(first.watermark)).activities).to.deep.equal([]);
    await post({ type: 'message', text: 'again' });
    const next = await poll(first.watermark);
    expect(next.activities.map((a) => a.text)).to.deep.equal(['again', 'echo again']);
    expect(Number(next.watermark)).to.equal(Number(first.watermark) + 2);
  });

  it('takes the speaker from the token, not from what the client claims', async () => {
    const { token, post } = await open();
    await post({ type: 'message', text: 'who', from: { id: 'forged' } });
    expect((received.at(-1)?.from as { id: string }).id).to.equal(token.userId);
    expect(received.at(-1)?.channelId).to.equal('directline');
  });

  it("refuses a wrong secret, a missing token and another conversation's token", async () => {
    const refused = await new DirectLineServiceTokens('wrong', dl.endpoint).issue().catch((e: Error) => e.message);
    expect(refused).to.equal('Direct Line refused the token request (HTTP 403)');
    const a = await open();
    const b = await open();
    expect((await fetch(`${a.token.domain}/conversations/${a.token.conversationId}/activities`)).status).to.equal(403);
    expect(
      (await fetch(`${a.token.domain}/conversations/${a.token.conversationId}/activities`, { headers: b.auth })).status,
    ).to.equal(403);
  });

  it('answers 502 when the bot cannot be reached, and keeps running', async () => {
    const { post, poll } = await open();
    botUp = false;
    try {
      expect((await post({ type: 'message', text: 'lost' })).status).to.equal(502);
    } finally {
      botUp = true;
    }
    expect((await post({ type: 'message', text: 'back' })).status).to.equal(200);
    expect((await poll('')).activities.map((a) => a.text)).to.include('echo back');
  });

  it("takes the bot's replies only at the address it gave the bot, not at any URL naming a conversation", async () => {
    const { token, poll, post } = await open();
    await post({ type: 'message', text: 'hi' });
    const before = (await poll('')).activities.length;
    const serviceUrl = String(received.at(-1)?.serviceUrl);
    expect(new URL(serviceUrl).hostname).to.equal('127.0.0.1');
    const forged = JSON.stringify({ type: 'message', text: 'forged reply' });
    const origin = new URL(serviceUrl).origin;
    for (const url of [
      `${origin}/v3/conversations/${token.conversationId}/activities`,
      `${origin}/v3/conversations/${token.conversationId}/activities/x`,
      `${origin}/bot/wrong-secret/v3/conversations/${token.conversationId}/activities`,
      `${dl.endpoint}/v3/conversations/${token.conversationId}/activities`,
    ]) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: forged });
      expect(res.status, url).to.be.oneOf([403, 404]);
    }
    const after = await poll('');
    expect(after.activities.length).to.equal(before);
    expect(after.activities.map((a) => a.text)).not.to.include('forged reply');
  });

  it("never shows the client the bot's reply address", async () => {
    const { poll, post } = await open();
    await post({ type: 'message', text: 'where' });
    const serviceUrl = String(received.at(-1)?.serviceUrl);
    const history = JSON.stringify(await poll(''));
    expect(history).to.include('echo where');
    expect(new URL(serviceUrl).pathname.length, 'the address carries a secret').to.be.greaterThan(20);
    expect(history).not.to.include(new URL(serviceUrl).pathname);
    expect(history).not.to.include('serviceUrl');
  });
});
