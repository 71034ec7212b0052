import { expect } from 'chai';
import { AccessControl } from '../../../src/features/admin/accessControl.js';
import { rebuildAggregates } from '../../../src/features/scores/aggregatesRebuild.js';
import { sectionOrder, sectionQuestionIds } from '../../../src/features/survey/domain/sections.js';
import { InMemoryRoles } from '../../support/fakes/inMemoryStores.js';
import { fakeWorld, type FakeWorld } from '../../support/fakes/fakeWorld.js';
import { loadThemeList } from '../../../src/seeds/loadSeeds.js';

/** The services on in-memory stores: what they decide, without Table Storage. */
describe('services (unit, in-memory stores)', () => {
  let w: FakeWorld;
  beforeEach(() => {
    w = fakeWorld();
  });

  async function completeSurvey(ref: string, conversationId: string) {
    const made = await w.invitationService.invite(ref, 'pc', 'p1');
    if (made.kind !== 'created') throw new Error(made.kind);
    await w.survey.redeem(conversationId, made.code);
    for (const section of sectionOrder(w.bank)) {
      const values = Object.fromEntries(
        sectionQuestionIds(w.bank, section, 'pc').map((q) => [q, section === 'text' ? 'ok' : '5']),
      );
      const saved = await w.survey.saveSection(conversationId, {
        code: made.code,
        section,
        bankVersion: w.bank.version,
        ...values,
      });
      expect(saved.kind).to.equal('saved');
    }
    return made;
  }

  it('InvitationService: no new invitation for a completed respondent; a renewal keeps the answers', async () => {
    await completeSurvey('SV-1001', 'c1');
    expect((await w.invitationService.invite('SV-1001', 'pc', 'p1')).kind).to.equal('alreadyCompleted');
    const child = await w.invitationService.invite('SV-1001', 'cyp', 'p1');
    if (child.kind !== 'created') throw new Error(child.kind);
    const renewed = await w.invitationService.renew(child.code, { userId: 'p1', isAdmin: false });
    expect(renewed.kind).to.equal('created');
    expect((await w.invitationService.renew(child.code, { userId: 'p2', isAdmin: true })).kind).to.equal(
      'alreadyReplaced',
    );
    expect((await w.invitationService.listMine('p1')).map((i) => i.status.kind)).to.include('completed');
  });

  it('SurveyService: a completed survey is read-only, and a section saved from one chat is not changed from another', async () => {
    const made = await completeSurvey('SV-1002', 'c2');
    const section = sectionOrder(w.bank)[0]!;
    const values = Object.fromEntries(sectionQuestionIds(w.bank, section, 'pc').map((q) => [q, '1']));
    expect(
      (await w.survey.saveSection('c2', { code: made.code, section, bankVersion: w.bank.version, ...values })).kind,
    ).to.equal('completed');
    const other = await w.invitationService.invite('SV-1003', 'pc', 'p1');
    if (other.kind !== 'created') throw new Error(other.kind);
    await w.survey.redeem('phone', other.code);
    await w.survey.saveSection('phone', { code: other.code, section, bankVersion: w.bank.version, ...values });
    await w.survey.redeem('laptop', other.code);
    const changed = { ...values, [Object.keys(values)[0]!]: '2' };
    expect(
      (await w.survey.saveSection('laptop', { code: other.code, section, bankVersion: w.bank.version, ...changed }))
        .kind,
    ).to.equal('savedElsewhere');
  });

  it('ScoresService: figures come from the counters the saves kept, and equal a rebuild from the answers', async () => {
    for (let i = 0; i < 5; i++) await completeSurvey(`SV-20${i}0`, `s${i}`);
    const result = await w.scores.scores({ roles: ['pc'], terms: [] });
    if (result.unknownTerm) throw new Error('unknown term');
    expect(result.results[0]!.hasData).to.equal(true);
    const report = await rebuildAggregates(w.bank, loadThemeList(), w.respondents, w.aggregates);
    expect(report.differences).to.deep.equal([]);
    expect(report.respondents).to.equal(5);
  });

  it('ErasureService: removes answers, state and invitations of one review only', async () => {
    await completeSurvey('SV-3001', 'e1');
    await completeSurvey('SV-3002', 'e2');
    const report = await w.erasure.erase('SV-3001');
    expect(report).to.include({ respondents: 1, invitations: 1 });
    expect(await w.respondents.read('SV-3001', 'pc')).to.equal(undefined);
    expect(await w.respondents.read('SV-3002', 'pc')).to.not.equal(undefined);
  });

  it('DigestService: sends once per subscriber, marks a blocked conversation gone, and a repeat run sends nothing', async () => {
    const address = (id: string) => ({
      conversationId: id,
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      channelId: 'msteams',
      conversationType: 'personal' as const,
    });
    for (const id of ['a', 'b', 'c']) expect(await w.digests.subscribe(address(id), 'm')).to.equal('subscribed');
    w.sender.outcome = (to) => (to.conversationId === 'b' ? { kind: 'gone', status: 403 } : { kind: 'sent' });
    const report = await w.digests.sendNow();
    expect(report).to.include({ sent: 2, blocked: 1 });
    expect(w.addresses.rows.get('b')?.status).to.equal('gone');
    const again = await w.digests.sendNow();
    expect(again.sent).to.equal(2);
    expect(w.sender.sent).to.have.length(3);
    expect(await w.digests.deliveryReportText()).to.match(/sent 2, blocked 1/);
  });

  it('AddressBookService: refuses to keep an address it could never send to', async () => {
    expect(
      await w.addressBook.rememberAddress({
        conversationId: 'x',
        serviceUrl: 'http://127.0.0.1:9/',
        channelId: 'msteams',
        conversationType: 'personal',
      }),
    ).to.equal(false);
    expect(w.addresses.rows.size).to.equal(0);
  });

  it('AccessControl: roles from the store, or DEV_ROLES for everyone when set', async () => {
    const store = new InMemoryRoles(new Map([['u1', ['admin' as const]]]));
    expect(await new AccessControl(store, []).rolesOf('u1')).to.deep.equal(['admin']);
    expect(await new AccessControl(store, []).rolesOf(undefined)).to.deep.equal([]);
    expect(await new AccessControl(store, ['practitioner']).rolesOf('nobody')).to.deep.equal(['practitioner']);
  });
});
