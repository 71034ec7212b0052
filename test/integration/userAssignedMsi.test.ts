import { fromRoot } from '../../src/config/projectPaths.js';
import { expect } from 'chai';
import { identityEndpoint, type IdentityEndpoint } from '../support/identityEndpoint.js';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotHarness, texts, type Activity } from '../support/botHarness.js';
import {
  channelToken,
  installChannelKeys,
  postAsChannel,
  TEAMS_SERVICE_URL,
  uninstallChannelKeys,
} from '../support/channelTokens.js';

// The user-assigned managed identity's client id is the bot's app id.
const IDENTITY = 'dddddddd-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const PRACTITIONER = '41111111-1111-1111-1111-111111111111';

const userAssignedMsi = {
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppId: IDENTITY,
  MicrosoftAppTenantId: TENANT,
  FAMILY_HELP_TEXT: 'If anyone is in danger now call 999; the council front door is 01234 567890.',
  PUBLIC_BASE_URL: 'https://outcomes.example.org',
  DIRECT_LINE_SECRET: 'not-a-real-direct-line-secret',
  LEGAL_TEXT_FILE: fromRoot('test', 'support', 'legal.northshire.json'),
};

type Request = { method?: string; path: string; headers: IncomingHttpHeaders };

/** A loopback server that records every request and answers each with `answer`'s JSON. */
function recorder(answer: (url: URL) => object): Promise<{ server: Server; url: string; requests: Request[] }> {
  const requests: Request[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method, path: url.pathname + url.search, headers: req.headers });
    req.resume();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer(url)));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests }),
    ),
  );
}

/**
 * MicrosoftAppType=UserAssignedMSI end to end: the bot starts with no password, checks a channel's signed
 * token (its audience is the identity's client id) and, to send, signs in as that managed identity. App
 * Service's managed identity endpoint is answered on loopback (IDENTITY_ENDPOINT, which @azure/identity
 * reads), so the outbound sign-in is seen without reaching Azure.
 */
describe('a UserAssignedMSI bot (HTTP endpoint, signed Teams tokens, real Azurite)', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  let identity: IdentityEndpoint;
  let channel: Awaited<ReturnType<typeof recorder>>;

  before(async () => {
    installChannelKeys();
    identity = await identityEndpoint();
    identity.answer((url) => ({
      access_token: `token-for-${url.searchParams.get('client_id')}`,
      expires_on: String(Math.floor(Date.now() / 1000) + 3600),
      token_type: 'Bearer',
    }));
    identity.requests.length = 0;
    channel = await recorder(() => ({ id: randomUUID() }));
    bot = await BotHarness.start({ env: userAssignedMsi });
    postAsChannel(bot, IDENTITY);
    await bot.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
  });

  after(async () => {
    await bot?.stop();
    channel?.server.close();
    uninstallChannelKeys();
  });

  const teams = (): Activity => ({
    channelData: { tenant: { id: TENANT } },
    conversation: { id: `c-${randomUUID()}`, conversationType: 'personal', tenantId: TENANT },
  });

  it('answers a signed Teams activity (expectReplies)', async () => {
    const { status, activities } = await bot
      .user({ aadObjectId: PRACTITIONER })
      .say('invite review MS-1001 parent', teams());
    expect(status).to.equal(200);
    expect(texts(activities).join(' ')).to.match(/Here is the invitation/);
  });

  it('refuses a token signed for another app: authentication is on', async () => {
    const res = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${channelToken('eeeeeeee-2222-3333-4444-555555555555')}`,
      },
      body: JSON.stringify({
        type: 'message',
        text: 'help',
        id: randomUUID(),
        channelId: 'msteams',
        deliveryMode: 'expectReplies',
        serviceUrl: TEAMS_SERVICE_URL,
        from: { id: 'u', aadObjectId: PRACTITIONER },
        recipient: { id: 'bot' },
        ...teams(),
      }),
    });
    expect(res.status).to.equal(401);
    await res.text();
  });

  it('sends its reply signed in as its managed identity (a token for the Bot Framework, for its client id)', async () => {
    const serviceUrl = `${channel.url}/`;
    const conversation = teams();
    const res = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${channelToken(IDENTITY, serviceUrl)}` },
      body: JSON.stringify({
        type: 'message',
        text: 'help',
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl,
        from: { id: 'u', aadObjectId: PRACTITIONER },
        recipient: { id: 'bot' },
        ...conversation,
      }),
    });
    expect(res.status).to.be.within(200, 202);
    await res.text();

    const replies = channel.requests.filter((r) => r.path.startsWith('/v3/conversations/'));
    expect(replies.length, 'the reply reached the channel').to.be.greaterThan(0);
    for (const reply of replies) expect(reply.headers.authorization).to.equal(`Bearer token-for-${IDENTITY}`);
    const tokenRequests = identity.requests.map((url) => url.searchParams);
    expect(tokenRequests.map((p) => p.get('client_id'))).to.include(IDENTITY);
    expect(tokenRequests.map((p) => p.get('resource'))).to.include('https://api.botframework.com');
  });
});
