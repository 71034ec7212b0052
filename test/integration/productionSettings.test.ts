import { fromRoot } from '../../src/config/projectPaths.js';
import { expect } from 'chai';
import type { EmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';
import { freshAccount } from '../support/testAzurite.js';
import { BotHarness, texts, type Activity } from '../support/botHarness.js';
import { installChannelKeys, postAsChannel, uninstallChannelKeys } from '../support/channelTokens.js';

const APP = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const FOREIGN = 'ffffffff-bbbb-cccc-dddd-eeeeeeeeeeee';
const PRACTITIONER = '41111111-1111-1111-1111-111111111111';

/** Every setting an authenticated bot now needs to start. */
function deployed(tenantId: string): Record<string, string> {
  return {
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppId: APP,
    MicrosoftAppPassword: 'not-a-real-secret',
    MicrosoftAppTenantId: tenantId,
    FAMILY_HELP_TEXT: 'If anyone is in danger now call 999; the council front door is 01234 567890.',
    PUBLIC_BASE_URL: 'https://outcomes.example.org',
    DIRECT_LINE_SECRET: 'not-a-real-direct-line-secret',
    LEGAL_TEXT_FILE: fromRoot('test', 'support', 'legal.northshire.json'),
  };
}

const teams = (tenant: string): Activity => ({
  channelData: { tenant: { id: tenant } },
  conversation: { id: `c-${Math.random()}`, conversationType: 'personal', tenantId: tenant },
});

/** One Azurite for the file's three bots, each with its own settings and its own review references. */
describe('deployment settings (real Azurite)', function () {
  this.timeout(60_000);
  let azurite: EmbeddedAzurite;
  before(async () => (azurite = await freshAccount()));
  after(async () => azurite?.stop());

  /** Production settings through the real endpoint: signed channel tokens, real Azurite. */
  describe('production settings (HTTP endpoint, authenticated, real Azurite)', function () {
    this.timeout(60_000);
    before(() => installChannelKeys());
    after(() => uninstallChannelKeys());

    // Azure shows tenant ids in lower case, operators sometimes paste them in upper case, and Teams'
    // activities could carry either: a difference of case alone must never lock every member of staff out.
    for (const [configured, onActivity, refs] of [
      [TENANT.toUpperCase(), TENANT, ['AR-8301', 'AR-8302']],
      [TENANT, TENANT.toUpperCase(), ['AR-8311', 'AR-8312']],
    ] as const) {
      describe(`a SingleTenant bot configured with tenant ${configured.slice(0, 8)}…`, () => {
        let bot: BotHarness;
        before(async () => {
          bot = await BotHarness.start({ azurite, env: deployed(configured) });
          postAsChannel(bot, APP);
          await bot.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
        });
        after(async () => bot?.stop());

        it(`serves a Teams practitioner whose activity names ${onActivity.slice(0, 8)}…`, async () => {
          const user = bot.user({ aadObjectId: PRACTITIONER });
          const { status, activities } = await user.say(`invite review ${refs[0]} parent`, teams(onActivity));
          expect(status).to.equal(200);
          expect(texts(activities).join(' ')).to.match(/Here is the invitation/);
        });

        it('goes through the real token check: the same activity without a channel token is refused', async () => {
          const res = await fetch(`${bot.baseUrl}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'message',
              text: 'help',
              id: 'x',
              channelId: 'msteams',
              serviceUrl: 'https://smba.trafficmanager.net/uk/',
              from: { id: 'u', aadObjectId: PRACTITIONER },
              recipient: { id: 'bot' },
              ...teams(onActivity),
            }),
          });
          expect(res.status).to.equal(401);
          await res.text();
        });

        it('still refuses another tenant', async () => {
          const user = bot.user({ aadObjectId: PRACTITIONER });
          const { activities } = await user.say(`invite review ${refs[1]} parent`, teams(FOREIGN));
          expect(texts(activities).join(' ')).to.match(/not available for your organisation/);
        });
      });
    }
  });

  /** FAMILY_PAGE=off: families take part in Teams with their code; the web page and its parts are not served. */
  describe('with the family page switched off (FAMILY_PAGE=off)', function () {
    this.timeout(60_000);
    let bot: BotHarness;
    let code: string;
    before(async () => {
      bot = await BotHarness.start({
        azurite,
        env: { FAMILY_PAGE: 'off', DEV_ROLES: 'practitioner' },
      });
      const inv = await bot.services.invitationService.invite('WP-8401', 'pc', 'test');
      if (inv.kind !== 'created') throw new Error('no invitation');
      code = inv.code;
    });
    after(async () => bot?.stop());

    it('answers a family link with a plain page saying the link is not available here, for a real code too', async () => {
      const res = await fetch(`${bot.baseUrl}/survey/${code}`);
      expect(res.status).to.equal(404);
      const html = await res.text();
      expect(html).to.match(/not available here/);
      expect(html).to.match(/Teams/);
      expect(html).not.to.include('/static/webchat.js');
      expect(html).not.to.include(code);
      expect(html).not.to.match(/error|stack|exception/i);
    });

    it('gives no Direct Line token and serves none of the page’s scripts', async () => {
      const token = await fetch(`${bot.baseUrl}/api/directline/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      expect(token.status, 'token').to.equal(404);
      const body = await token.text();
      expect(body).not.to.match(/"token"/);
      for (const asset of ['/static/webchat.js', '/static/survey.js']) {
        const res = await fetch(`${bot.baseUrl}${asset}`);
        await res.arrayBuffer();
        expect(res.status, asset).to.equal(404);
      }
    });

    it('still serves the answer faces, which Teams cards show', async () => {
      const res = await fetch(`${bot.baseUrl}/static/faces/face-3.png`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('image/png');
      await res.arrayBuffer();
    });

    it('still gives a practitioner the code a family types in Teams', async () => {
      const { activities } = await bot.user({ channelId: 'msteams' }).say('invite review WP-8402 parent');
      expect(texts(activities).join(' ')).to.match(
        /Here is the invitation for review WP-8402 \(parent carer\): code \S+/,
      );
    });
  });
});
