import { expect } from 'chai';
import { CREATE_VERB } from '../../../src/features/invitations/inviteFormRoute.js';
import { FakeTurn, fakeWorld, PRACTITIONER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/** Inviting from the form card, through the router on in-memory stores (today 2 November 2026). */
describe('the invitation form', () => {
  let w: FakeWorld;
  beforeEach(() => (w = fakeWorld()));

  const say = async (text: string) => {
    const turn = new FakeTurn(PRACTITIONER, { text, userId: 'user-1' });
    await w.router.routeText(turn);
    return turn;
  };
  const formOf = (turn: FakeTurn) => turn.said.map((r) => r.card).find((c) => JSON.stringify(c).includes(CREATE_VERB));
  const formIdOf = (card: unknown) => /"formId":"([^"]+)"/.exec(JSON.stringify(card))?.[1];
  const press = async (value: Record<string, unknown>) => {
    const turn = new FakeTurn(PRACTITIONER, { value: { verb: CREATE_VERB, ...value }, userId: 'user-1' });
    const outcome = await w.router.routeCard(turn);
    return { turn, outcome, shown: JSON.stringify(outcome ?? turn.said) };
  };
  const codeOf = (text: string) => /code ([A-Z0-9-]{12})/.exec(text)?.[1]?.replace(/-/g, '');

  it('opens on "invite" alone, and filled with the reference on "invite review AR-1042"', async () => {
    const bare = await say('invite');
    expect(formOf(bare), bare.all).to.not.equal(undefined);
    const withRef = await say('invite review AR-1042');
    const card = JSON.stringify(formOf(withRef));
    expect(card).to.include('"value":"AR-1042"');
    // Notify is not set up on the fakes: no contact field, and a sentence saying the link is given instead.
    expect(card).to.not.include('"id":"contact"');
    expect(card).to.include('Sending by text or email is not set up here');
  });

  it('makes the invitation with the meeting date, and a second press of the same form makes no other', async () => {
    const formId = formIdOf(formOf(await say('invite')))!;
    const first = await press({ formId, reviewRef: 'AR-2001', role: 'pc', meetingOn: '2027-01-14' });
    const code = codeOf(first.turn.all);
    expect(code, first.turn.all).to.be.a('string');
    expect((await w.invitations.get(code!))?.meetingOn).to.equal('2027-01-14');
    const second = await press({ formId, reviewRef: 'AR-2001', role: 'pc', meetingOn: '2027-01-14' });
    expect(second.turn.all).to.include('This form has already made its invitation');
    const made = await w.invitations.forReview('AR-2001');
    expect(made.map((i) => i.code)).to.deep.equal([code]);
    expect(made[0]!.revokedAt).to.equal(undefined);
  });

  const mistakes: [string, Record<string, unknown>, RegExp][] = [
    ['no reference', { reviewRef: '', role: 'pc' }, /Type the review reference/],
    ['no one chosen', { reviewRef: 'AR-2002', role: '' }, /Choose who the invitation is for/],
    ['a reference that is not one', { reviewRef: '4857773456', role: 'pc' }, /NHS number|review reference/i],
    ['a date that has passed', { reviewRef: 'AR-2002', role: 'cyp', meetingOn: '2026-10-01' }, /passed|already/i],
    ['a date typed by hand', { reviewRef: 'AR-2002', role: 'cyp', meetingOn: 'next week' }, /from the calendar/],
  ];
  for (const [what, value, said] of mistakes)
    it(`gives the form back, filled, with what was wrong: ${what}; makes nothing`, async () => {
      const { shown } = await press({ formId: `form-${what}`, ...value });
      expect(shown).to.match(said);
      expect(shown).to.include(CREATE_VERB);
      if (value.reviewRef) expect(shown).to.include(`"value":"${String(value.reviewRef)}"`);
      expect(await w.invitations.forReview('AR-2002')).to.deep.equal([]);
    });

  it('is for practitioners only', async () => {
    const turn = new FakeTurn([], { value: { verb: CREATE_VERB, formId: 'x', reviewRef: 'AR-2003', role: 'pc' } });
    await w.router.routeCard(turn);
    expect(turn.all).to.include('Only practitioners can invite families');
    expect(await w.invitations.forReview('AR-2003')).to.deep.equal([]);
  });
});
