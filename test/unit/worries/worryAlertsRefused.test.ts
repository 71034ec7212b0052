import { expect } from 'chai';
import { sectionOrder, sectionQuestionIds } from '../../../src/features/survey/domain/sections.js';
import { SAVE_SECTION_VERB } from '../../../src/features/survey/surveyCards.js';
import { ACKNOWLEDGE_WORRY_VERB } from '../../../src/features/worries/acknowledgeWorryRoute.js';
import { loadWorryPhrases } from '../../../src/seeds/loadSeeds.js';
import {
  FakeTurn,
  FAMILY,
  fakeWorld,
  PRACTITIONER,
  rememberStaff,
  routeMessage,
  type FakeWorld,
} from '../../support/fakes/fakeWorld.js';

/**
 * A worry raises an alert only from a save that was accepted, and once. On the fakes (the product's router,
 * survey and worry alerts on in-memory stores, a recording sender for the channel): a completed survey's
 * free-text section sent again and again (refused: complete), or a section another device saved (refused:
 * saved elsewhere), raises nothing — not to the practitioner, and not a working day later to the
 * administrators — and a refused save with the same words as an accepted one leaves the accepted alert
 * alone. The last, and the Table Storage rules it rests on (a pending alert is not open; only an unchanged
 * one is removed), are also proved on Azurite in test/integration/worryAlertsRefused.test.ts.
 */
describe('worry alerts from refused saves (router and services on the fakes)', () => {
  const PAT = 'eeeeeeee-0000-0000-0000-000000000011';
  const ADMIN_ID = 'eeeeeeee-0000-0000-0000-000000000012';
  const WORRY = 'I am scared of the older boys and I want to run away';
  let w: FakeWorld;
  let chats = 0;

  // Once per process, as the bot pays it on its first free-text answer: the English model's load and the
  // worry model's training (about 1.7 s cold; shared with every other test that reads a family's words).
  before(() => void loadWorryPhrases().find('He likes a quiet space'));

  beforeEach(async () => {
    w = fakeWorld({ today: '2026-11-24', roles: { [PAT]: ['practitioner'], [ADMIN_ID]: ['admin'] } }); // a Tuesday
    // What the channel layer keeps when staff write to the bot in their 1:1 chats (src/bot/addressCapture.ts).
    await rememberStaff(w, [
      [PAT, 'Pat Practitioner'],
      [ADMIN_ID, 'Ada Admin'],
    ]);
  });

  async function invite(ref: string): Promise<string> {
    const turn = new FakeTurn(PRACTITIONER, { text: `invite review ${ref} child`, userId: PAT });
    await w.router.routeText(turn);
    return /code ([A-Z0-9-]{12})/.exec(turn.all)![1]!.replace(/-/g, '');
  }

  /** A family's chat (Web Chat, Action.Submit) that has typed the code, as OutcomesBot routes it. */
  async function familyChat(code: string): Promise<string> {
    const conversationId = `family-${chats++}`;
    const turn = new FakeTurn(FAMILY, { text: code, conversationId, channel: 'directline' });
    await routeMessage(w, turn);
    return conversationId;
  }

  async function save(chat: string, code: string, section: string, answers: Record<string, string>) {
    const value = { verb: SAVE_SECTION_VERB, code, section, bankVersion: w.bank.version, ...answers };
    const turn = new FakeTurn(FAMILY, { value, conversationId: chat, channel: 'directline' });
    const outcome = await w.router.routeCard(turn);
    return [outcome?.replaceWith?.text ?? '', ...turn.texts].join('\n');
  }

  const words = (texts: Record<string, string>) => ({
    ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`text.cyp.${n}`, ''])),
    ...texts,
  });
  const aboutReview = (ref: string) => w.sender.sent.filter((s) => JSON.stringify(s.reply).includes(`review ${ref}`));
  const toPractitioner = (ref: string) => aboutReview(ref).filter((s) => s.address.conversationId === `${PAT}-chat`);
  const toAdmin = (ref: string) => aboutReview(ref).filter((s) => s.address.conversationId === `${ADMIN_ID}-chat`);
  const alertsOf = async (ref: string) => (await w.worryAlerts.open()).filter((a) => a.reviewRef === ref);

  /** What a later periodic run does: past the settling time of anything held, and past a working day. */
  async function laterRuns() {
    await w.worries.idle();
    w.clock.advanceMinutes(5);
    await w.worries.run();
    w.clock.advanceDays(2); // Tuesday to Thursday: a working day has passed
    await w.worries.run();
    w.clock.set('2026-11-24');
  }

  it("a completed survey's free-text section sent again 20 times from the same chat raises no second alert, nor any to administrators", async () => {
    const code = await invite('AR-3001');
    const family = await familyChat(code);
    for (const section of sectionOrder(w.bank)) {
      const answers =
        section === 'text'
          ? words({ 'text.cyp.5': WORRY })
          : Object.fromEntries(sectionQuestionIds(w.bank, section, 'cyp').map((q) => [q, '4']));
      expect(await save(family, code, section, answers), section).to.match(/Saved|thank/i);
    }
    await w.worries.idle();
    expect(toPractitioner('AR-3001')).to.have.length(1);
    const [alert] = await alertsOf('AR-3001');
    const pressed = new FakeTurn(PRACTITIONER, {
      value: { verb: ACKNOWLEDGE_WORRY_VERB, alertId: alert!.id },
      userId: PAT,
    });
    expect(JSON.stringify((await w.router.routeCard(pressed))?.replaceWith)).to.include('Seen by Pat Practitioner');

    // Sent again: half with new worrying words, half with the same worry and another answer changed.
    for (let i = 0; i < 20; i++) {
      const again =
        i % 2 === 0
          ? words({ 'text.cyp.5': `${WORRY}, I said it ${i} times` })
          : words({ 'text.cyp.5': WORRY, 'text.cyp.1': `Football, try ${i}` });
      expect(await save(family, code, 'text', again)).to.match(/complete/i);
    }
    await laterRuns();

    expect(toPractitioner('AR-3001'), 'messages to the practitioner').to.have.length(1);
    expect(toAdmin('AR-3001'), 'messages to the administrator').to.have.length(0);
    const stored = await w.worryAlerts.get(alert!.id);
    expect(stored?.status, 'the accepted alert is kept, acknowledged').to.equal('acknowledged');
    expect(await alertsOf('AR-3001'), 'no other alert open').to.have.length(0);
  });

  it('a section another device saved, sent with different worrying words, raises no alert for those words', async () => {
    const code = await invite('AR-3002');
    const phone = await familyChat(code);
    expect(await save(phone, code, 'text', words({ 'text.cyp.5': WORRY }))).to.match(/Saved/);
    await w.worries.idle();
    expect(toPractitioner('AR-3002')).to.have.length(1);

    const laptop = await familyChat(code);
    const other = 'My dad hits me when he is angry';
    expect(await save(laptop, code, 'text', words({ 'text.cyp.5': other }))).to.match(/another device/);
    await laterRuns();

    const sent = toPractitioner('AR-3002').map((s) => JSON.stringify(s.reply));
    expect(sent, 'one message, for the saved words').to.have.length(1);
    expect(sent[0]).to.include('older boys');
    expect(sent.join('\n') + JSON.stringify(toAdmin('AR-3002'))).not.to.include('My dad');
    expect((await alertsOf('AR-3002')).map((a) => a.answer)).to.deep.equal([WORRY]);
  });

  it('a refused save with the same worrying words as an accepted one leaves the accepted alert alone', async () => {
    const code = await invite('AR-3003');
    const phone = await familyChat(code);
    expect(await save(phone, code, 'text', words({ 'text.cyp.5': WORRY }))).to.match(/Saved/);
    await w.worries.idle();
    const [accepted] = await alertsOf('AR-3003');
    expect(accepted?.status).to.equal('sent');

    const laptop = await familyChat(code);
    const same = words({ 'text.cyp.5': WORRY, 'text.cyp.1': 'Drawing' });
    expect(await save(laptop, code, 'text', same)).to.match(/another device/);
    await w.worries.idle();
    w.clock.advanceMinutes(5);
    await w.worries.run();
    w.clock.set('2026-11-24');

    const kept = await w.worryAlerts.get(accepted!.id);
    expect(kept?.status).to.equal('sent');
    expect(toPractitioner('AR-3003')).to.have.length(1);
  });
});
