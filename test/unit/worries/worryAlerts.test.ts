import { expect } from 'chai';
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
 * Worries reach a person the same day, on the fakes (the product's router, survey, worry alerts, address
 * book and erasure on in-memory stores, with a recording sender for the channel): a worrying answer sends
 * exactly one alert to the practitioner who made the invitation, "I have seen this" records who and when,
 * an unacknowledged one goes to the administrators after one working day (over a weekend), once; a
 * harmless or negated answer sends nothing; erasing a review erases its alerts. Delivery and escalation
 * through Table Storage and the HTTP channel stay proved in test/integration/worryAlerts.test.ts.
 */
describe('worry alerts (router and services on the fakes)', () => {
  const PAT = 'eeeeeeee-0000-0000-0000-000000000001';
  const ADMIN_ID = 'eeeeeeee-0000-0000-0000-000000000002';
  let w: FakeWorld;
  let family = 0;

  // Once per process, as the bot pays it on its first free-text answer: the English model's load and the
  // worry model's training (about 1.7 s cold; shared with every other test that reads a family's words).
  before(() => void loadWorryPhrases().find('He likes a quiet space'));

  /** The world on a day, with each member of staff having spoken to the bot in their own 1:1 chat. */
  async function world(today: string) {
    w = fakeWorld({ today, roles: { [PAT]: ['practitioner'], [ADMIN_ID]: ['admin'] } });
    // What the channel layer keeps when staff write to the bot (src/bot/addressCapture.ts).
    await rememberStaff(w, [
      [PAT, 'Pat Practitioner'],
      [ADMIN_ID, 'Ada Admin'],
    ]);
  }
  const toPractitioner = () => w.sender.sent.filter((s) => s.address.conversationId === `${PAT}-chat`);
  const toAdmin = () => w.sender.sent.filter((s) => s.address.conversationId === `${ADMIN_ID}-chat`);
  const blankWords = (role: 'cyp' | 'pc') =>
    Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`text.${role}.${n}`, '']));

  async function invite(ref: string, who: 'parent' | 'child'): Promise<string> {
    const turn = new FakeTurn(PRACTITIONER, {
      text: `invite review ${ref} ${who}`,
      userId: PAT,
      conversationId: `${PAT}-chat`,
    });
    await w.router.routeText(turn);
    return /code ([A-Z0-9-]{12})/.exec(turn.all)![1]!.replace(/-/g, '');
  }

  /** A family's Web Chat saves one section straight from its card's data, as OutcomesBot routes it. */
  async function save(code: string, section: string, answers: Record<string, string>) {
    const conversationId = `family-${family++}`;
    const opened = new FakeTurn(FAMILY, { text: code, conversationId, channel: 'directline' });
    await routeMessage(w, opened);
    const payload = { verb: SAVE_SECTION_VERB, code, section, bankVersion: w.bank.version, ...answers };
    const submit = async () => {
      const turn = new FakeTurn(FAMILY, { value: payload, conversationId, channel: 'directline' });
      const outcome = await w.router.routeCard(turn);
      return [outcome?.replaceWith?.text ?? '', ...turn.texts].join('\n');
    };
    return { replies: await submit(), submit };
  }

  it('sends a worrying answer once to the inviting practitioner, and "I have seen this" records who and when', async () => {
    await world('2026-11-24'); // a Tuesday
    const code = await invite('AR-2001', 'child');
    const words = { ...blankWords('cyp'), 'text.cyp.5': 'I am scared of the older boys and I *want* to run away' };
    const first = await save(code, 'text', words);
    expect(first.replies).to.match(/Saved/);
    await w.worries.idle();
    expect(toPractitioner()).to.have.length(1);
    const card = toPractitioner()[0]!.reply.card as any;
    const shown = JSON.stringify(card);
    expect(shown).to.include("A family's answer may need you today: review AR-2001");
    expect(shown).to.include('I feel worried about');
    expect(shown).to.include('\\\\*want\\\\*'); // escaped: shown as typed, not as emphasis
    expect(shown).to.include('I have seen this');
    // Saved again (a double click, a re-sent turn): no second alert.
    await first.submit();
    await w.worries.idle();
    await w.worries.run();
    expect(toPractitioner()).to.have.length(1);

    const alertId = card.actions[0].data.alertId as string;
    const pressed = new FakeTurn(PRACTITIONER, {
      value: { verb: ACKNOWLEDGE_WORRY_VERB, alertId },
      userId: PAT,
      conversationId: `${PAT}-chat`,
    });
    const outcome = await w.router.routeCard(pressed);
    const replaced = JSON.stringify(outcome?.replaceWith);
    expect(replaced).to.include('Seen by Pat Practitioner');
    expect(replaced).not.to.include('I have seen this');
    // Acknowledged: a working day later nothing goes to the administrators.
    w.clock.advanceDays(2);
    expect((await w.worries.run()).escalated).to.equal(0);
    expect(toAdmin()).to.have.length(0);
  });

  it('sends nothing for a harmless answer, or for a negated one', async () => {
    await world('2026-11-24');
    const code = await invite('AR-2002', 'parent');
    const { replies } = await save(code, 'text', {
      ...blankWords('pc'),
      'text.pc.1': 'He does best with routine and a quiet space',
      'text.pc.2': 'He is not scared of the dark any more',
    });
    expect(replies).to.match(/Saved/);
    await w.worries.idle();
    await w.worries.run();
    expect(w.sender.sent).to.have.length(0);
    expect(w.worryAlerts.rows.size).to.equal(0);
  });

  it('escalates an unacknowledged worry to the administrators after one working day, over a weekend, once', async () => {
    await world('2026-11-27'); // a Friday; alerts are raised at noon (the test clock's time of day)
    const code = await invite('AR-2003', 'child');
    // "Strongly disagree" on feeling safe where they learn.
    await save(code, 'safe', { 'safe.cyp.1': '1', 'safe.cyp.2': '4', 'safe.cyp.3': '4', 'safe.cyp.4': '4' });
    await w.worries.idle();
    const sent = toPractitioner().filter((s) => JSON.stringify(s.reply).includes('AR-2003'));
    expect(sent).to.have.length(1);
    expect(JSON.stringify(sent[0]!.reply.card)).to.include('strongly disagree');
    // Saturday and Sunday are not working days.
    for (const day of ['2026-11-28', '2026-11-29']) {
      w.clock.set(day);
      expect((await w.worries.run()).escalated, day).to.equal(0);
    }
    // Monday, one hour before the same time: still not due.
    w.clock.set('2026-11-30');
    w.clock.advanceMinutes(-60);
    expect((await w.worries.run()).escalated).to.equal(0);
    expect(toAdmin()).to.have.length(0);
    // Monday at the same time: due; the administrator gets it once.
    w.clock.set('2026-11-30');
    expect((await w.worries.run()).escalated).to.equal(1);
    expect(toAdmin()).to.have.length(1);
    expect(JSON.stringify(toAdmin()[0]!.reply)).to.include('Not yet seen: a worry in review AR-2003');
    w.clock.advanceDays(1);
    await w.worries.run();
    expect(toAdmin(), 'no repeat').to.have.length(1);
  });

  it("erases a review's alerts with its answers (an alert quotes what the family wrote)", async () => {
    await world('2026-11-24');
    const code = await invite('AR-2003', 'child');
    await save(code, 'safe', { 'safe.cyp.1': '1', 'safe.cyp.2': '4', 'safe.cyp.3': '4', 'safe.cyp.4': '4' });
    await w.worries.idle();
    expect((await w.worryAlerts.open()).filter((a) => a.reviewRef === 'AR-2003')).to.have.length(1);
    const report = await w.erasure.erase('AR-2003');
    expect(report.alerts).to.equal(1);
    expect((await w.worryAlerts.open()).some((a) => a.reviewRef === 'AR-2003')).to.equal(false);
  });
});
