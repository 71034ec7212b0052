import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { MeasuresImport } from '../../../src/features/measures/measuresImport.js';
import { cardProblems } from '../../support/cardCheck.js';
import { ADMIN, FakeTurn, fakeWorld, MANAGER, PRACTITIONER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/**
 * The termly digest as staff ask for it, on the fakes: the product's router, digest service, presenters and
 * delivery on in-memory stores, with a recording sender standing in for the channel. Only managers
 * subscribe (a chat or a team channel), a preview is a valid card with its CSV link, the scorecard carries
 * every measure, the term-end run sends once to each subscriber, "send the digest now" asks for "confirm send
 * digest", which answers at once and runs one job after the turn, unsubscribing stops it, a blocked subscriber is not tried again, and
 * administrators see the delivery report. What needs the HTTP endpoint, Teams-shaped activities or Table
 * rows (the trigger's and the CSV link's status codes, retries on real 429/5xx/403 responses, the reply
 * before the job, installation updates, a reply thread's id) stays in test/integration/termDigest.test.ts.
 */
describe('termly digest (router and services on the fakes)', () => {
  const PAT = 'cccccccc-0000-0000-0000-000000000002';
  let w: FakeWorld;
  let chats = 0;
  beforeEach(() => {
    w = fakeWorld({ today: '2026-11-22' });
    chats = 0;
  });

  /** A member of staff in a conversation of their own (a 1:1 chat unless said), as Teams would route it. */
  function staff(roles = MANAGER, conversationType: 'personal' | 'channel' = 'personal') {
    const conversationId = `${conversationType}-${chats++}`;
    const userId = roles === PRACTITIONER ? PAT : `manager-${conversationId}`;
    return {
      conversationId,
      async say(text: string, activityId?: string) {
        const turn = new FakeTurn(roles, { text, userId, conversationId, conversationType, activityId });
        await w.router.routeText(turn);
        return turn;
      },
    };
  }
  const said = async (who: ReturnType<typeof staff>, text: string) => (await who.say(text)).all;
  const linkOf = (card: any) => card.actions.find((a: any) => a.type === 'Action.OpenUrl').url as string;
  const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
  const tampered = (token: string) => (token.startsWith('x') ? 'y' : 'x') + token.slice(1);

  it('lets only managers subscribe, and says who can', async () => {
    expect(await said(staff(PRACTITIONER), 'subscribe to the termly digest')).to.match(/Only managers can subscribe/);
    const manager = staff();
    expect(await said(manager, 'subscribe to the termly digest')).to.match(
      /You are subscribed to the termly digest\. The next one comes at the end of 2026-27 Autumn/,
    );
    expect(await said(manager, 'sign me up for the termly report')).to.match(/already subscribed/);
    expect(await said(staff(MANAGER, 'channel'), 'subscribe to the digest')).to.match(/This channel is subscribed/);
    expect((await w.subscriptions.list()).map((s) => s.scope).sort()).to.deep.equal(['channel', 'personal']);
    expect(await w.addresses.get(manager.conversationId)).to.deep.include({
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      channelId: 'msteams',
      conversationType: 'personal',
      tenantId: 'tenant-1',
      status: 'active',
    });
  });

  it('previews the digest to the person asking: a valid card with a chart, tables and a CSV link that expires', async () => {
    await staff().say('subscribe to the digest');
    const turn = await staff().say('preview the digest');
    const card = turn.said[0]!.card!;
    expect(cardProblems(card)).to.deep.equal([]);
    const json = JSON.stringify(card);
    expect(json).to.include('Termly digest: 2026-27 Autumn');
    expect(json).to.include('Waiting times against targets');
    expect(json).to.include('no referrals loaded');
    expect(w.sender.sent, 'a preview is a reply, not a send to subscribers').to.have.length(0);
    const link = linkOf(card);
    expect(link).to.match(/^https:\/\/bot\.example\.test\/api\/digests\/csv\?token=/);
    const csv = await w.digests.csvForToken(tokenOf(link));
    expect(csv.ok && csv.csv).to.match(/^\ufeff?term,section,subject,group,measure,value,n,note/);
    expect(await w.digests.csvForToken(tampered(tokenOf(link)))).to.deep.equal({
      ok: false,
      reason: 'invalid',
    });
    w.clock.advanceDays(31);
    expect(await w.digests.csvForToken(tokenOf(link))).to.deep.equal({ ok: false, reason: 'expired' });
  });

  it("is the framework's scorecard: every measure under its outcome, measures off target needing attention, all in the CSV", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'digest-measures-'));
    try {
      const file = path.join(dir, 'measures.csv');
      writeFileSync(
        file,
        [
          'measure_id,period,numerator,denominator,value',
          'plans_qa_good,2025-26-autumn,32,40,',
          'plans_qa_good,2026-27-autumn,28,40,',
          'complaints,2025-26-autumn,,,10',
          'complaints,2026-27-autumn,,,16',
        ].join('\n') + '\n',
      );
      await new MeasuresImport(w.measures.catalogue.measures, w.clock, w.measureValues).run(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const card = (await staff().say('preview the digest')).said[0]!.card!;
    expect(cardProblems(card)).to.deep.equal([]);
    const json = JSON.stringify(card);
    expect(json).to.include("The framework's other measures");
    // 70% against the WSoA's 90%: red, and named in "needs attention"; complaints up by 6 on a year before: worse.
    expect(json).to.include('New EHC plans graded good or better is red against its target');
    expect(json).to.include('Complaints about SEND services is worse than a year before: 16');
    expect(json).to.include('no figures loaded'); // a measure with nothing loaded is in the scorecard too
    const csv = await w.digests.csvForToken(tokenOf(linkOf(card)));
    if (!csv.ok) throw new Error(csv.reason);
    for (const m of w.measures.catalogue.measures) expect(csv.csv, m.id).to.include(m.name);
    expect(csv.csv).to.match(
      /framework measures,New EHC plans graded good or better,all,"?value \(%\), 2026-27-autumn"?,70.0,40/,
    );
  });

  it('sends nothing when no term has just ended', async () => {
    await staff().say('subscribe to the digest');
    expect(await w.digests.runDue()).to.deep.include({ digestId: undefined });
    expect(w.sender.sent).to.have.length(0);
  });

  it('sends the term-end digest once to each subscriber; a second run sends nothing', async () => {
    await staff().say('subscribe to the digest');
    await staff(MANAGER, 'channel').say('subscribe to the digest');
    w.clock.set('2027-01-02');
    const first = await w.digests.runDue();
    expect(first.digestId).to.equal('term-2026-27-autumn');
    if (first.digestId === undefined) throw new Error(first.reason);
    expect(first.report).to.include({ sent: 2, blocked: 0, failed: 0, pending: 0 });
    expect(first.report.text).to.equal('digest 2026-27 Autumn: sent 2, blocked 0, failed 0');
    expect(w.sender.sent).to.have.length(2);
    const card = w.sender.sent[0]!.reply.card as any;
    expect(card.body[0].text).to.equal('Termly digest: 2026-27 Autumn');
    // The sent digest has the preview's shape: the lead, then each section behind its own button.
    const sections = (card.body as { type: string; actions?: { type: string; title: string }[] }[])
      .filter((e) => e.type === 'ActionSet')
      .flatMap((e) => e.actions ?? [])
      .filter((a) => a.type === 'Action.ShowCard')
      .map((a) => a.title);
    expect(sections).to.include.members(['Outcome scores', 'Waiting times', 'Responses']);
    const second = await w.digests.runDue();
    expect(second.digestId !== undefined && second.report).to.include({ sent: 2 });
    expect(w.sender.sent, 'nothing sent twice').to.have.length(2);
  });

  it('"send the digest now" sends nothing until "confirm send digest"; that answers at once and reports when done; the same activity re-sent starts no second job', async () => {
    w.clock.set('2026-11-24');
    for (const who of [staff(), staff(), staff(MANAGER, 'channel')]) await who.say('subscribe to the digest');
    const manager = staff();
    const asked = await manager.say('send the digest now');
    expect(asked.all).to.match(/cannot be called back\. To go ahead, type "confirm send digest"/);
    expect(asked.deferred, 'no job before the confirmation').to.have.length(0);
    expect(w.sender.sent, 'nothing sent before the confirmation').to.have.length(0);
    const first = await manager.say('confirm send digest', 'activity-resent-by-teams');
    expect(first.all).to.match(/I will tell you here when it is done/);
    const again = await manager.say('confirm send digest', 'activity-resent-by-teams');
    expect(again.all).to.match(/already sending the digest you asked for/);
    expect(again.deferred, 'no second job').to.have.length(0);
    expect(first.deferred, 'one job, after the turn').to.have.length(1);
    expect(w.sender.sent, 'nothing sent before the turn has answered').to.have.length(0);
    await first.deferred[0]!();
    const digests = w.sender.sent.filter((s) => JSON.stringify(s.reply).includes('Termly digest'));
    expect(digests.map((d) => d.address.conversationId).sort(), 'each subscriber once').to.deep.equal([
      'channel-2',
      'personal-0',
      'personal-1',
    ]);
    const reports = w.sender.sent.filter((s) => /sent on request, 2026-11-24/.test(s.reply.text));
    expect(
      reports.map((r) => r.address.conversationId),
      'one report, to the asker',
    ).to.deep.equal([manager.conversationId]);
    expect(reports[0]!.reply.text).to.match(/digest 2026-27 Autumn \(sent on request, 2026-11-24\): sent 3, blocked 0/);
  });

  it('a subscriber who blocked the bot is not tried again, and the next send says so', async () => {
    const blocked = staff();
    for (const who of [staff(), blocked]) await who.say('subscribe to the digest');
    w.sender.outcome = (address) =>
      address.conversationId === blocked.conversationId ? { kind: 'gone', status: 403 } : { kind: 'sent' };
    expect((await w.digests.sendNow()).text).to.match(/sent 1, blocked 1, failed 0$/);
    expect((await w.addresses.get(blocked.conversationId))?.status, 'a 403 marks the subscriber gone').to.equal('gone');
    w.clock.set('2026-11-23');
    const tried = w.sender.sent.length;
    expect((await w.digests.sendNow()).text).to.match(
      /sent 1, blocked 0, failed 0, not reachable \(uninstalled or blocked before\) 1/,
    );
    expect(w.sender.sent.slice(tried).map((s) => s.address.conversationId)).not.to.include(blocked.conversationId);
  });

  it('stops sending after unsubscribe', async () => {
    const leaver = staff();
    await leaver.say('subscribe to the digest');
    expect(await said(leaver, 'unsubscribe')).to.match(/You will no longer get the termly digest/);
    expect(await said(leaver, 'unsubscribe')).to.match(/were not subscribed/);
    expect((await w.digests.sendNow()).text).to.match(/sent 0, blocked 0, failed 0$/);
    expect(w.sender.sent).to.have.length(0);
  });

  it('shows administrators the delivery report', async () => {
    await staff().say('subscribe to the digest');
    await staff(MANAGER, 'channel').say('subscribe to the digest');
    w.clock.set('2027-01-02');
    await w.digests.runDue();
    const report = await said(staff(ADMIN), 'digest delivery report');
    expect(report).to.match(/Digest deliveries, most recent first:/);
    expect(report).to.match(/digest 2026-27 Autumn: sent 2, blocked 0, failed 0/);
    expect(await said(staff(PRACTITIONER), 'digest delivery report')).to.match(/only administrators and managers/);
  });
});
