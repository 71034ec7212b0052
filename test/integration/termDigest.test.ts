import { expect } from 'chai';
import { BotHarness, cards, texts, type ChatUser } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { RecordingChannel } from '../support/recordingChannel.js';

const SECRET = 'digest-trigger-secret-for-tests';
const MANAGER = 'cccccccc-0000-0000-0000-000000000001';

/**
 * The termly digest through the HTTP endpoint, with a recording channel standing in for Teams and real
 * Azurite. Only what needs them is here: the address a subscription keeps as a Table row, a reply thread's
 * id (read by the channel layer), the CSV link's and the trigger's HTTP status codes, the digest as Teams
 * receives it, retries on real 429/5xx/403 responses from the channel, the job starting only after the
 * turn's HTTP response (and a re-sent activity starting none), and installation updates. Who may subscribe,
 * the preview's and scorecard's content, sending once, "send now", unsubscribe, a blocked subscriber and the
 * delivery report run on the fakes in test/unit/digests/termDigestChat.test.ts.
 */
describe('termly digest (HTTP endpoint, recording channel, real Azurite)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  let channel: RecordingChannel;
  const users: ChatUser[] = [];

  before(async () => {
    bot = await BotHarness.start({
      today: '2026-11-22',
      env: { DIGEST_TRIGGER_SECRET: SECRET, DIGEST_SENDS_PER_SECOND: '50', DIGEST_LEASE_SECONDS: '2' },
    });
    channel = await RecordingChannel.start();
    await bot.stores.roles.set(MANAGER, ['manager'], 'test');
  });
  after(async () => {
    await bot?.stop();
    await channel?.close();
  });

  /** A Teams user whose conversation's service URL is the recording channel. */
  function teamsUser(
    aadObjectId: string,
    conversationType: 'personal' | 'channel' = 'personal',
  ): { user: ChatUser; say(text: string): Promise<string> } {
    const user = bot.user({ aadObjectId });
    users.push(user);
    const say = async (text: string) => {
      const { activities } = await user.say(text, {
        serviceUrl: channel.url,
        conversation: { id: user.conversationId, conversationType, tenantId: 'tenant-1' },
      });
      return texts(activities).join('\n');
    };
    return { user, say };
  }

  const trigger = (auth?: string) =>
    fetch(`${bot.baseUrl}/api/digests/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      body: '{}',
    });

  it('keeps where each subscriber can be reached, as Teams sent it, in its Table row', async () => {
    const manager = teamsUser(MANAGER);
    expect(await manager.say('subscribe to the termly digest')).to.match(/You are subscribed to the termly digest/);
    const team = teamsUser(MANAGER, 'channel');
    expect(await team.say('subscribe to the digest')).to.match(/This channel is subscribed/);
    expect((await bot.stores.subscriptions.list()).map((s) => s.scope).sort()).to.deep.equal(['channel', 'personal']);
    const stored = await bot.stores.addresses.get(manager.user.conversationId);
    expect(stored).to.deep.include({
      serviceUrl: channel.url,
      channelId: 'msteams',
      conversationType: 'personal',
      tenantId: 'tenant-1',
      status: 'active',
    });
    expect(Object.keys(stored!).sort()).to.deep.equal([
      'botId',
      'channelId',
      'conversationId',
      'conversationType',
      'serviceUrl',
      'status',
      'tenantId',
      'updatedAt',
    ]);
  });

  it('subscribes a team channel itself when asked in a reply thread, not the thread', async () => {
    const user = bot.user({ aadObjectId: MANAGER });
    const { activities } = await user.say('subscribe to the digest', {
      serviceUrl: channel.url,
      conversation: {
        id: '19:team-general@thread.tacv2;messageid=1732270000000',
        conversationType: 'channel',
        tenantId: 'tenant-1',
      },
    });
    expect(texts(activities).join('\n')).to.match(/This channel is subscribed/);
    expect((await bot.stores.subscriptions.list()).map((s) => s.conversationId)).to.include(
      '19:team-general@thread.tacv2',
    );
    expect(await bot.services.digests.unsubscribe('19:team-general@thread.tacv2')).to.equal(true);
  });

  it("serves the preview's CSV link over HTTP: 200 as text/csv, 404 when tampered with, 410 once expired", async () => {
    const manager = teamsUser(MANAGER);
    const { activities } = await manager.user.say('preview the digest', { serviceUrl: channel.url });
    const [card] = cards(activities);
    expect(cardProblems(card)).to.deep.equal([]);
    expect(JSON.stringify(card)).to.include('Termly digest: 2026-27 Autumn');
    expect(channel.received, 'a preview is a reply, not a send to subscribers').to.have.length(0);
    const link = (card as any).actions.find((a: any) => a.type === 'Action.OpenUrl').url as string;
    expect(link).to.match(/^http:\/\/localhost:\d+\/api\/digests\/csv\?token=/);
    const csv = await fetch(link.replace(/^http:\/\/localhost:\d+/, bot.baseUrl));
    expect(csv.status).to.equal(200);
    expect(csv.headers.get('content-type')).to.match(/text\/csv/);
    expect(await csv.text()).to.match(/^\ufeff?term,section,subject,group,measure,value,n,note/);
    const tampered = await fetch(link.replace(/^http:\/\/localhost:\d+/, bot.baseUrl).replace(/token=./, 'token=x'));
    expect(tampered.status).to.equal(404);
    bot.clock.advanceDays(31);
    try {
      expect((await fetch(link.replace(/^http:\/\/localhost:\d+/, bot.baseUrl))).status).to.equal(410);
    } finally {
      bot.clock.set('2026-11-22');
    }
  });

  it('refuses a trigger without the secret, and sends nothing when no term has just ended', async () => {
    expect((await trigger()).status).to.equal(401);
    expect((await trigger('Bearer not-the-secret-at-all')).status).to.equal(403);
    const ok = await trigger(`Bearer ${SECRET}`);
    expect(ok.status).to.equal(200);
    expect(await ok.json()).to.deep.include({ digestId: null });
    expect(channel.received).to.have.length(0);
  });

  it('sends the term-end digest once to each subscriber; a second run sends nothing', async () => {
    bot.clock.set('2027-01-02');
    try {
      const first = (await (await trigger(`Bearer ${SECRET}`)).json()) as Record<string, unknown>;
      expect(first).to.include({ digestId: 'term-2026-27-autumn', sent: 2, blocked: 0, failed: 0, pending: 0 });
      expect(first.text).to.equal('digest 2026-27 Autumn: sent 2, blocked 0, failed 0');
      expect(channel.received).to.have.length(2);
      const body = channel.received[0].body;
      expect(body.type).to.equal('message');
      expect(body.attachments[0].content.body[0].text).to.equal('Termly digest: 2026-27 Autumn');
      // The sent digest has the preview's shape: the lead, then each section behind its own button.
      const sections = (
        body.attachments[0].content.body as { type: string; actions?: { type: string; title: string }[] }[]
      )
        .filter((e) => e.type === 'ActionSet')
        .flatMap((e) => e.actions ?? [])
        .filter((a) => a.type === 'Action.ShowCard')
        .map((a) => a.title);
      expect(sections).to.include.members(['Outcome scores', 'Waiting times', 'Responses']);
      const second = (await (await trigger(`Bearer ${SECRET}`)).json()) as Record<string, unknown>;
      expect(second).to.include({ sent: 2 });
      expect(channel.received, 'nothing sent twice').to.have.length(2);
    } finally {
      bot.clock.set('2026-11-22');
    }
  });

  it('waits for Retry-After on a 429, backs off without one, retries a 500, and never retries a 403', async () => {
    const throttled = teamsUser(MANAGER);
    const throttledBare = teamsUser(MANAGER);
    const flaky = teamsUser(MANAGER);
    const blocked = teamsUser(MANAGER);
    for (const u of [throttled, throttledBare, flaky, blocked]) await u.say('subscribe to the digest');
    channel.script(throttled.user.conversationId, { status: 429, retryAfter: '1' });
    channel.script(throttledBare.user.conversationId, { status: 429 });
    channel.script(flaky.user.conversationId, { status: 500 }, { status: 502 });
    channel.script(blocked.user.conversationId, { status: 403 }, { status: 403 });
    const before = channel.received.length;
    const manager = teamsUser(MANAGER);
    // Asking to send goes to the whole board and cannot be called back: it is confirmed first, and nothing is
    // sent until then.
    const asked = await manager.say('send the digest now');
    expect(asked).to.match(/cannot be called back\. To go ahead, type "confirm send digest"/);
    await new Promise((r) => setTimeout(r, 300));
    expect(channel.received.length, 'nothing sent before the confirmation').to.equal(before);
    const reply = await manager.say('confirm send digest');
    expect(reply).to.match(/I will tell you here when it is done/);
    // The send runs after the turn; its report comes back to the same conversation.
    const report = String((await channel.waitForText(manager.user.conversationId, /sent on request/)).body.text);
    expect(report, report).to.match(
      /digest 2026-27 Autumn \(sent on request, 2026-11-22\): sent 5, blocked 1, failed 0/,
    );
    const deliveredNow = channel.received.slice(before);
    for (const u of [throttled, throttledBare, flaky])
      expect(
        deliveredNow.filter((r) => r.conversationId === u.user.conversationId),
        u.user.conversationId,
      ).to.have.length(1);
    expect(deliveredNow.filter((r) => r.conversationId === blocked.user.conversationId)).to.have.length(0);
    expect(
      channel.rejected.filter((r) => r.conversationId === blocked.user.conversationId),
      '403 not retried',
    ).to.have.length(1);
    const rejectedAt = channel.rejected.find((r) => r.conversationId === throttled.user.conversationId)!.at;
    const deliveredAt = deliveredNow.find((r) => r.conversationId === throttled.user.conversationId)!.at;
    expect(deliveredAt - rejectedAt, 'Retry-After: 1 honoured').to.be.at.least(950);
    expect(
      channel.rejected.filter((r) => r.conversationId === flaky.user.conversationId).map((r) => r.status),
    ).to.deep.equal([500, 502]);
    expect(
      (await bot.stores.addresses.get(blocked.user.conversationId))?.status,
      'a 403 marks the subscriber gone',
    ).to.equal('gone');

    // The next send does not try the blocked conversation again, and says so.
    bot.clock.set('2026-11-23');
    try {
      const seen = channel.received.length;
      await manager.say('confirm send digest');
      await channel.waitForText(manager.user.conversationId, /sent on request, 2026-11-23/);
      const again = channel.received
        .slice(seen)
        .map((r) => String(r.body.text ?? ''))
        .join('\n');
      expect(again).to.match(/sent 5, blocked 0, failed 0, not reachable \(uninstalled or blocked before\) 1/);
    } finally {
      bot.clock.set('2026-11-22');
    }
  });

  it('answers "confirm send digest" at once and reports when done; the same activity re-sent starts no second job', async () => {
    bot.clock.set('2026-11-24');
    try {
      const manager = teamsUser(MANAGER);
      const resent = {
        id: 'activity-resent-by-teams',
        serviceUrl: channel.url,
        conversation: { id: manager.user.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
      };
      const seen = channel.received.length;
      const first = await manager.user.say('confirm send digest', resent);
      const answeredAt = Date.now();
      expect(texts(first.activities).join(' ')).to.match(/I will tell you here when it is done/);
      const again = await manager.user.say('confirm send digest', resent);
      expect(texts(again.activities).join(' ')).to.match(/already sending the digest you asked for/);
      await channel.waitForText(manager.user.conversationId, /sent on request, 2026-11-24/);
      await new Promise((r) => setTimeout(r, 300));
      const after = channel.received.slice(seen);
      const digests = after.filter((r) => JSON.stringify(r.body).includes('Termly digest'));
      expect(digests.length, 'the digest went out').to.be.greaterThan(0);
      // The job starts only after the turn's response is written (a few ms of clock skew allowed).
      expect(Math.min(...digests.map((d) => d.at)), 'the reply came first').to.be.at.least(answeredAt - 20);
      const perConversation = new Map<string, number>();
      for (const d of digests) perConversation.set(d.conversationId, (perConversation.get(d.conversationId) ?? 0) + 1);
      expect(
        [...perConversation.values()].every((n) => n === 1),
        'one job: each subscriber once',
      ).to.equal(true);
      expect(
        after.filter((r) => /sent on request, 2026-11-24/.test(String(r.body.text ?? ''))),
        'one report',
      ).to.have.length(1);
    } finally {
      bot.clock.set('2026-11-22');
    }
  });

  it('marks a subscriber gone when the app is uninstalled; a re-install makes it reachable again', async () => {
    const uninstaller = teamsUser(MANAGER);
    await uninstaller.say('subscribe to the digest');
    const base = {
      channelId: 'msteams',
      serviceUrl: channel.url,
      from: { id: 'u', aadObjectId: MANAGER },
      recipient: { id: 'bot' },
      conversation: { id: uninstaller.user.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    };
    await bot.post({ ...base, type: 'installationUpdate', action: 'remove' });
    expect((await bot.stores.addresses.get(uninstaller.user.conversationId))?.status).to.equal('gone');
    await bot.post({ ...base, type: 'installationUpdate', action: 'add' });
    expect((await bot.stores.addresses.get(uninstaller.user.conversationId))?.status).to.equal('active');
  });
});
