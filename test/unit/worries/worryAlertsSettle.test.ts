import { expect } from 'chai';
import sinon from 'sinon';
import { PENDING_SETTLE_MS, WorryAlertsService } from '../../../src/features/worries/worryAlertsService.js';
import { SurveyService } from '../../../src/features/survey/surveyService.js';
import { loadThemeList, loadWorryPhrases } from '../../../src/seeds/loadSeeds.js';
import type { SectionAnswers } from '../../../src/features/survey/domain/sectionSubmission.js';
import type { ConversationAddress } from '../../../src/ports/messages.js';
import { worryAlertReply } from '../../../src/features/worries/worryAlertPresenter.js';
import { fakeWorld, type FakeWorld } from '../../support/fakes/fakeWorld.js';
import { RecordingSender } from '../../support/fakes/inMemoryStores.js';

/**
 * A worry's alert is held pending while its save is decided: raised once, only when the save is
 * accepted, and never lost when the process dies between the save and its alert (the periodic run
 * settles it from what was stored). On in-memory stores, with the crash made by a failing store call.
 */
describe('worry alerts held until their save is decided (unit, in-memory stores)', () => {
  const phrases = loadWorryPhrases();
  const WORRY = 'I am scared of the older boys and I want to run away';
  const practitionerChat: ConversationAddress = {
    conversationId: 'p1-chat',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    channelId: 'msteams',
    conversationType: 'personal',
    tenantId: 'tenant-1',
  };
  let w: FakeWorld;
  let sender: RecordingSender;

  /** A fresh process: its own services on the same stores. */
  function boot() {
    const worries = new WorryAlertsService(
      phrases,
      w.bank,
      w.invitations,
      w.worryAlerts,
      w.respondents,
      {
        personalChat: async (userId) => (userId === 'p1' ? practitionerChat : undefined),
        administrators: async () => [],
      },
      sender.send,
      w.clock,
      worryAlertReply,
    );
    const survey = new SurveyService(
      w.bank,
      loadThemeList(),
      w.terms,
      w.clock,
      w.invitations,
      w.conversations,
      w.respondents,
      w.invitationService,
      worries,
    );
    return { worries, survey };
  }

  async function invited(ref: string, chat: string, survey: SurveyService) {
    const made = await w.invitationService.invite(ref, 'cyp', 'p1');
    if (made.kind !== 'created') throw new Error(made.kind);
    await survey.redeem(chat, made.code);
    return made.code;
  }

  const textSection = (texts: Record<string, string>) => ({
    section: 'text',
    bankVersion: w.bank.version,
    ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`text.cyp.${n}`, ''])),
    ...texts,
  });
  const statuses = () => [...w.worryAlerts.rows.values()].map((r) => r.alert.status);

  beforeEach(() => {
    w = fakeWorld({ today: '2026-11-24' });
    sender = new RecordingSender();
  });
  afterEach(() => sinon.restore());

  it('a worry in a save that committed is alerted by the next run when the process died before raising it', async () => {
    const first = boot();
    const code = await invited('HW-1001', 'family', first.survey);
    // The process dies the moment the save has committed: raising the pending alert never happens.
    sinon.stub(w.worryAlerts, 'replace').rejects(new Error('process died'));
    const answers = { code, ...textSection({ 'text.cyp.5': WORRY }) };
    let died = false;
    await first.survey.saveSection('family', answers).catch(() => (died = true));
    expect(died, 'the save turn ended in the crash').to.equal(true);
    sinon.restore();
    expect(
      (await w.respondents.answerRows('HW-1001', 'cyp')).find((r) => r.questionId === 'text.cyp.5')?.text,
    ).to.equal(WORRY);
    expect(statuses()).to.deep.equal(['pending']);
    expect(sender.sent, 'nothing sent while pending').to.have.length(0);

    const restarted = boot();
    // The family presses the same card again (a duplicate): acknowledged, and nothing raised twice.
    expect((await restarted.survey.saveSection('family', answers)).kind).to.equal('saved');
    expect((await restarted.worries.run()).raised, 'not yet: its save may still be under way').to.equal(0);
    expect(sender.sent).to.have.length(0);
    w.clock.advanceMinutes(PENDING_SETTLE_MS / 60_000 + 1);
    const run = await restarted.worries.run();
    expect(run).to.include({ raised: 1, sent: 1 });
    expect(sender.sent).to.have.length(1);
    expect(sender.sent[0]!.address.conversationId).to.equal('p1-chat');
    expect(JSON.stringify(sender.sent[0]!.reply)).to.include('older boys');
    await restarted.worries.run();
    expect(sender.sent, 'once').to.have.length(1);
  });

  it('a worry in a save that never committed is dropped by the run, unsent', async () => {
    const { survey, worries } = boot();
    const code = await invited('HW-1002', 'family', survey);
    sinon.stub(w.respondents, 'mutate').rejects(new Error('process died'));
    await survey.saveSection('family', { code, ...textSection({ 'text.cyp.5': WORRY }) }).catch(() => undefined);
    sinon.restore();
    expect(statuses()).to.deep.equal(['pending']);
    w.clock.advanceMinutes(PENDING_SETTLE_MS / 60_000 + 1);
    expect(await worries.run()).to.include({ raised: 0, dropped: 1, sent: 0 });
    expect(w.worryAlerts.rows.size).to.equal(0);
    expect(sender.sent).to.have.length(0);
  });

  it('the run raises a pending "strongly disagree" on feeling safe when that score was stored', async () => {
    const { survey, worries } = boot();
    const code = await invited('HW-1003', 'family', survey);
    const stub = sinon.stub(w.worryAlerts, 'replace').rejects(new Error('process died'));
    const safe = { 'safe.cyp.1': '1', 'safe.cyp.2': '4', 'safe.cyp.3': '4', 'safe.cyp.4': '4' };
    await survey.saveSection('family', { code, section: 'safe', bankVersion: w.bank.version, ...safe }).catch(() => 0);
    stub.restore();
    w.clock.advanceMinutes(PENDING_SETTLE_MS / 60_000 + 1);
    expect(await worries.run()).to.include({ raised: 1, sent: 1 });
    expect(JSON.stringify(sender.sent[0]!.reply)).to.include('Strongly disagree');
  });

  describe('two attempts with the same worrying words, one refused', () => {
    const answers: SectionAnswers = {
      section: 'text',
      answers: [{ questionId: 'text.cyp.5', skipped: false, text: WORRY }],
    };
    const respondent = { reviewRef: 'HW-2001', role: 'cyp' as const };
    beforeEach(async () => {
      await w.invitationService.invite(respondent.reviewRef, respondent.role, 'p1');
    });

    for (const refusedSettlesFirst of [false, true])
      it(`the refused one never removes the accepted one's alert (refusal settled ${refusedSettlesFirst ? 'first' : 'last'})`, async () => {
        const { worries } = boot();
        const refused = await worries.hold(respondent, answers); // stores the pending alert
        const accepted = await worries.hold(respondent, answers); // finds it there
        expect(refused.created.size).to.equal(1);
        expect(accepted.created.size).to.equal(0);
        if (refusedSettlesFirst) {
          await worries.settle(refused, false);
          expect(await worries.settle(accepted, true)).to.equal(1);
        } else {
          expect(await worries.settle(accepted, true)).to.equal(1);
          await worries.settle(refused, false);
        }
        await worries.idle();
        expect(statuses()).to.deep.equal(['sent']);
        expect(sender.sent).to.have.length(1);
      });

    it('a refusal removes only the pending alert it made, and an accepted alert is raised once', async () => {
      const { worries } = boot();
      expect(await worries.settle(await worries.hold(respondent, answers), true)).to.equal(1);
      await worries.idle();
      const again = await worries.hold(respondent, answers);
      expect(again.created.size, 'the accepted alert is there already').to.equal(0);
      await worries.settle(again, false);
      expect(await worries.settle(await worries.hold(respondent, answers), true), 'raised once').to.equal(0);
      await worries.idle();
      expect(statuses()).to.deep.equal(['sent']);
      expect(sender.sent).to.have.length(1);
    });
  });

  it('a pending alert is not sent, listed or acknowledged', async () => {
    const { worries } = boot();
    const held = await worries.hold(
      { reviewRef: 'HW-3001', role: 'cyp' },
      {
        section: 'text',
        answers: [{ questionId: 'text.cyp.5', skipped: false, text: WORRY }],
      },
    );
    const [id] = [...held.created.keys()];
    expect(await w.worryAlerts.open()).to.have.length(0);
    expect((await worries.run()).sent).to.equal(0);
    expect((await worries.acknowledge(id!, { userId: 'p1', isAdmin: true })).kind).to.equal('unknown');
    expect(sender.sent).to.have.length(0);
  });
});
