import { fromRoot } from '../../src/config/projectPaths.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { odata } from '@azure/data-tables';
import { BotHarness, texts, type Activity } from '../support/botHarness.js';
import type { EmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';
import { freshAccount } from '../support/testAzurite.js';
import { TABLES } from '../../src/storage/tableStore.js';
import { installChannelKeys, postAsChannel, uninstallChannelKeys } from '../support/channelTokens.js';

const ALLOWED = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const FOREIGN = 'ffffffff-bbbb-cccc-dddd-eeeeeeeeeeee';
const PRACTITIONER = '41111111-1111-1111-1111-111111111111';
const APP = '11111111-2222-3333-4444-555555555555';
/** What an authenticated bot needs to start. */
const DEPLOYED = {
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppId: APP,
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppTenantId: ALLOWED,
  FAMILY_HELP_TEXT: 'If anyone is in danger now call 999; the council front door is 01234 567890.',
  PUBLIC_BASE_URL: 'https://outcomes.example.org',
  DIRECT_LINE_SECRET: 'not-a-real-direct-line-secret',
  LEGAL_TEXT_FILE: fromRoot('test', 'support', 'legal.northshire.json'),
};

/**
 * Production fails closed, through the HTTP endpoint with real Azurite: one Azurite for the file, each bot
 * configured as it says and keeping its own review references, conversations and user ids.
 */
describe('safe to deploy (HTTP endpoint, real Azurite)', function () {
  this.timeout(60_000);
  let azurite: EmbeddedAzurite;
  before(async () => (azurite = await freshAccount()));
  after(async () => azurite?.stop());

  // ALLOWED_TENANTS is refused without credentials, so the tenant checks run as deployed: with signed tokens.
  describe('with ALLOWED_TENANTS set', () => {
    let bot: BotHarness;
    before(async () => {
      installChannelKeys();
      bot = await BotHarness.start({ azurite, env: { ...DEPLOYED, ALLOWED_TENANTS: ALLOWED } });
      postAsChannel(bot, APP);
      await bot.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
    });
    after(async () => {
      uninstallChannelKeys();
      await bot?.stop();
    });

    async function invitationsFor(ref: string): Promise<number> {
      let n = 0;
      for await (const _ of (await bot.store.table(TABLES.invitations)).listEntities({
        queryOptions: { filter: odata`reviewRef eq ${ref}` },
      }))
        n++;
      return n;
    }

    const teams = (tenant?: string): Activity => ({
      channelData: tenant ? { tenant: { id: tenant } } : {},
      conversation: { id: `c-${Math.random()}`, conversationType: 'personal', ...(tenant ? { tenantId: tenant } : {}) },
    });

    it('serves a practitioner of the allowed tenant in Teams', async () => {
      const user = bot.user({ aadObjectId: PRACTITIONER });
      const { activities } = await user.say('invite review AR-8101 parent', teams(ALLOWED));
      expect(texts(activities).join(' ')).to.match(/Here is the invitation/);
    });

    it('refuses a foreign or missing tenant on every channel and for every activity type, and makes nothing', async () => {
      for (const channelId of ['msteams', 'webchat', 'directline']) {
        const user = bot.user({ aadObjectId: PRACTITIONER, channelId });
        const { activities } = await user.say('invite review AR-8102 parent', teams(FOREIGN));
        expect(texts(activities).join(' '), channelId).to.match(/not available for your organisation/);
        const invoke = await user.execute('invite.renew', { code: 'ABCDEFGH23' }, teams(FOREIGN));
        expect(
          invoke.activities.find((a) => a.type === 'invokeResponse')?.value?.status,
          `${channelId} invoke`,
        ).to.equal(403);
      }
      const noTenant = await bot
        .user({ aadObjectId: PRACTITIONER, channelId: 'msteams' })
        .say('invite review AR-8102 parent', teams());
      expect(texts(noTenant.activities).join(' ')).to.match(/not available for your organisation/);
      expect(await invitationsFor('AR-8102')).to.equal(0);
    });

    it('ignores an uninstall from a foreign tenant', async () => {
      const install = {
        ...teams(ALLOWED),
        conversation: { id: 'team-conv-1', conversationType: 'personal', tenantId: ALLOWED },
      };
      await bot
        .user({ aadObjectId: PRACTITIONER, conversationId: 'team-conv-1' })
        .say('how are we doing on kept safe?', install);
      expect((await bot.stores.addresses.get('team-conv-1'))?.status).to.equal('active');
      const forged = {
        type: 'installationUpdate',
        action: 'remove',
        id: 'u1',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:1/',
        from: { id: 'x' },
        recipient: { id: 'bot' },
        conversation: { id: 'team-conv-1', tenantId: FOREIGN },
        channelData: { tenant: { id: FOREIGN } },
      };
      await bot.post(forged);
      expect((await bot.stores.addresses.get('team-conv-1'))?.status, 'still reachable').to.equal('active');
      await bot.post({
        ...forged,
        conversation: { id: 'team-conv-1', tenantId: ALLOWED },
        channelData: { tenant: { id: ALLOWED } },
      });
      expect((await bot.stores.addresses.get('team-conv-1'))?.status, 'the real uninstall counts').to.equal('gone');
    });
  });

  describe('running locally, unauthenticated', () => {
    let bot: BotHarness;
    let elsewhere: Server;
    let calls = 0;
    before(async () => {
      bot = await BotHarness.start({ azurite, env: { DEV_ROLES: 'practitioner,admin' } });
      elsewhere = createServer((_req, res) => {
        calls++;
        res.end('{}');
      });
      await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.2', r));
    });
    after(async () => {
      elsewhere.close();
      await bot?.stop();
    });

    it('gives a Web Chat or Direct Line user no staff role, whatever DEV_ROLES or `from` say', async () => {
      for (const channelId of ['webchat', 'directline']) {
        const { activities } = await bot
          .user({ channelId, aadObjectId: PRACTITIONER })
          .say('invite review AR-8201 parent');
        expect(texts(activities).join(' '), channelId).to.match(/Only practitioners can invite/);
      }
      expect(
        texts((await bot.user({ channelId: 'msteams' }).say('invite review AR-8201 parent')).activities).join(' '),
      ).to.match(/Here is the invitation/);
    });

    it('shows administrators the questions it could not answer as plain words, not links or mentions', async () => {
      const staff = bot.user({ channelId: 'msteams' });
      await staff.say('blorp [zzkq](https://qwv.invalid/x) <at>Everyone</at>');
      const listed = texts((await staff.say('unanswered questions')).activities).join('\n');
      expect(listed).to.include('blorp');
      expect(listed).not.to.match(/\[zzkq\]\(https/);
      expect(listed).not.to.include('<at>');
    });

    it('refuses to reply to a service URL that is not on this machine', async () => {
      for (const serviceUrl of ['https://example.org/', 'http://10.0.0.1/', 'not a url', 42]) {
        const res = await fetch(`${bot.baseUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            text: 'help',
            id: 'x',
            channelId: 'msteams',
            serviceUrl,
            from: { id: 'u' },
            recipient: { id: 'b' },
            conversation: { id: 'c' },
          }),
        });
        expect(res.status, String(serviceUrl)).to.equal(403);
      }
      // A loopback address other than the bot's own is allowed (tests and the Playground use them).
      const port = (elsewhere.address() as AddressInfo).port;
      const ok = await fetch(`${bot.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'help',
          id: 'y',
          channelId: 'msteams',
          serviceUrl: `http://127.0.0.2:${port}/`,
          from: { id: 'u' },
          recipient: { id: 'b' },
          conversation: { id: 'c' },
        }),
      });
      expect(ok.status).to.be.oneOf([200, 201, 202]);
      expect(calls).to.be.greaterThan(0);
    });
  });

  describe('with credentials', () => {
    let bot: BotHarness;
    before(async () => {
      bot = await BotHarness.start({ azurite, env: DEPLOYED });
    });
    after(async () => bot?.stop());

    it('answers a forged or missing token with 401 and nothing of its internals', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'x' })).toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({
          iss: 'https://api.botframework.com',
          aud: APP,
          exp: 4_102_444_800,
        }),
      ).toString('base64url');
      for (const authorization of [`Bearer ${header}.${payload}.c2lnbmF0dXJl`, 'Bearer nonsense', undefined]) {
        const res = await fetch(`${bot.baseUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({
            type: 'message',
            text: 'help',
            id: 'x',
            channelId: 'msteams',
            serviceUrl: 'https://smba.trafficmanager.net/uk/',
            from: { id: 'u' },
            recipient: { id: 'b' },
            conversation: { id: 'c' },
          }),
        });
        const body = await res.text();
        expect(res.status, String(authorization)).to.equal(401);
        expect(body).not.to.match(/getaddrinfo|ENOTFOUND|Error:|at \w+ \(|botframework\.com/);
      }
    });
  });
});
