import { expect } from 'chai';
import { RENEW_VERB } from '../../../src/features/invitations/renewInvitationRoute.js';
import { FakeTurn, fakeWorld, PRACTITIONER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/** The review meeting's date given with an invitation, through the router on in-memory stores (today 2 November 2026). */
describe('an invitation with the review meeting date', () => {
  let w: FakeWorld;
  beforeEach(() => (w = fakeWorld()));

  const say = async (text: string, userId = 'user-1') => {
    const turn = new FakeTurn(PRACTITIONER, { text, userId });
    await w.router.routeText(turn);
    return turn;
  };
  const codeOf = (turn: FakeTurn) => /code ([A-Z0-9-]{12})/.exec(turn.all)?.[1]?.replace(/-/g, '');

  const phrasings = [
    'invite review AR-1042 parent, review on 14 January',
    'invite review AR-1042 parent review meeting on Thursday 14th January 2027',
    'invite review AR-1042 parent, meeting 14/01/2027',
    'invite review AR-1042 parent and review date 2027-01-14',
  ];
  for (const text of phrasings)
    it(`keeps the date from "${text}", says it, and says when the practitioner will hear`, async () => {
      const turn = await say(text);
      const code = codeOf(turn);
      expect(code, turn.all).to.be.a('string');
      expect((await w.invitations.get(code!))?.meetingOn).to.equal('2027-01-14');
      expect(turn.all).to.include(
        'Review meeting: Thursday 14 January 2027. Reminders stop before it. If the family has not finished by Tuesday 12 January 2027, I will tell you here.',
      );
      expect(JSON.stringify(turn.said[0]!.card)).to.include('Review meeting: Thursday 14 January 2027');
      // The notice is waiting for 09:00 that Tuesday.
      expect([...w.staffNotices.rows.values()].map((n) => [n.kind, n.dueAt, n.userId])).to.deep.equal([
        ['meetingSoon', '2027-01-12T09:00:00.000Z', 'user-1'],
      ]);
    });

  it('reads a number and the date apart ("… text 07700 900123, review on 14 January")', async () => {
    const turn = await say('invite review AR-1042 parent and text 07700 900123, review on 14 January');
    // Notify is not set up on the fakes: the link is given, the date kept.
    expect(turn.all).to.include('Sending texts and emails is not set up on this bot');
    expect((await w.invitations.get(codeOf(turn)!))?.meetingOn).to.equal('2027-01-14');
  });

  it('refuses a date that cannot be, and makes no invitation', async () => {
    const turn = await say('invite review AR-1042 parent, review on 31 February');
    expect(turn.texts.join('\n')).to.match(/"31 February" is not a date I can use for the review meeting/);
    expect(await w.invitations.forReview('AR-1042')).to.deep.equal([]);
  });

  it('does not promise a notice when the meeting is already within two working days', async () => {
    const turn = await say('invite review AR-1042 parent, review on 4 November'); // Monday → Wednesday
    expect(turn.all).to.include('Review meeting: Wednesday 4 November 2026. Reminders stop before it.');
    expect(turn.all).to.not.include('I will tell you here');
    expect(w.staffNotices.rows.size).to.equal(0);
  });

  it('lists "my invitations" by meeting date, soonest first, then the rest newest first', async () => {
    await say('invite review AR-1001 parent');
    w.clock.advanceMinutes(1);
    await say('invite review AR-1002 parent, review on 20 January');
    w.clock.advanceMinutes(1);
    await say('invite review AR-1003 parent, review on 10 December');
    w.clock.advanceMinutes(1);
    await say('invite review AR-1004 child');
    const turn = await say('my invitations');
    const order = [...turn.all.matchAll(/(AR-100\d) \(/g)].map((m) => m[1]);
    expect(order).to.deep.equal(['AR-1003', 'AR-1002', 'AR-1004', 'AR-1001']);
    expect(JSON.stringify(turn.said[0]!.card)).to.include('Soonest review meeting first, then newest first');
    expect(turn.all).to.include(
      'AR-1003 (parent carer): made 2026-11-02, not opened. Review meeting Thursday 10 December 2026.',
    );
  });

  it('carries the meeting on to a new link, which has its own notice', async () => {
    const code = codeOf(await say('invite review AR-1042 parent, review on 14 January'))!;
    const turn = new FakeTurn(PRACTITIONER, { value: { verb: RENEW_VERB, code }, userId: 'user-1' });
    await w.router.routeCard(turn);
    const renewed = codeOf(turn)!;
    expect(renewed).to.not.equal(code);
    expect((await w.invitations.get(renewed))?.meetingOn).to.equal('2027-01-14');
    expect([...w.staffNotices.rows.keys()].sort()).to.deep.equal([`meeting~${code}`, `meeting~${renewed}`].sort());
  });
});
