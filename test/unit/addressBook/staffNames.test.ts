import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { userNameOf } from '../../../src/bot/teamsTurn.js';
import { cleanDisplayName, MAX_DISPLAY_NAME, UNNAMED_STAFF } from '../../../src/domain/text/displayNames.js';
import { ACKNOWLEDGE_WORRY_VERB } from '../../../src/features/worries/acknowledgeWorryRoute.js';
import type { WorryAlert } from '../../../src/features/worries/worryStores.js';
import type { ConversationAddress } from '../../../src/ports/messages.js';
import { ADMIN, FakeTurn, MANAGER, PRACTITIONER, fakeWorld, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/**
 * Staff are named by the display name Teams gave them (kept with their address in the address book),
 * never by their raw ids: who viewed a review's answers, who added or changed a "you said, we did" entry,
 * who saw a worry alert. Without a known name: "a member of staff". The records keep the ids.
 */
describe('staff shown by name, never by id (unit, in-memory stores)', () => {
  const ADA = 'aad-0000-ada';
  const BOB = 'aad-0000-bob';
  const chat = (conversationId: string): ConversationAddress => ({
    conversationId,
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    channelId: 'msteams',
    conversationType: 'personal',
    tenantId: 'tenant-1',
  });
  let w: FakeWorld;
  beforeEach(async () => {
    w = fakeWorld();
    // Ada has written to the bot in her own chat, with her name; Bob's name was never given.
    expect(await w.addressBook.rememberPerson(ADA, chat('ada-chat'), 'Ada Lovelace')).to.equal(true);
    expect(await w.addressBook.rememberPerson(BOB, chat('bob-chat'))).to.equal(true);
  });
  const shown = (turn: FakeTurn) => JSON.stringify(turn.said);

  it('who viewed a review: the viewers by name, the unnamed as "a member of staff"; the log keeps ids', async () => {
    await w.reviewViews.record({ reviewRef: 'AR-1042', viewer: ADA, at: '2026-11-02T09:00:00.000Z', how: 'chat' });
    await w.reviewViews.record({ reviewRef: 'AR-1042', viewer: BOB, at: '2026-11-02T10:00:00.000Z', how: 'print' });
    const turn = new FakeTurn(ADMIN, { text: 'who viewed AR-1042', userId: 'admin-1' });
    await w.router.routeText(turn);
    expect(turn.all).to.include('Ada Lovelace (in chat)');
    expect(turn.all).to.include(`${UNNAMED_STAFF} (printable page)`);
    expect(shown(turn)).not.to.include(ADA);
    expect(shown(turn)).not.to.include(BOB);
    expect((await w.reviewViews.list('AR-1042')).map((v) => v.viewer).sort()).to.deep.equal([ADA, BOB]);
  });

  it('"you said, we did": added and changed by name, or "a member of staff"', async () => {
    await w.youSaid.save({
      id: 'e1',
      outcome: 'support',
      youSaid: 'Waiting took too long',
      weDid: 'We hired more therapists',
      createdBy: ADA,
      createdAt: '2026-10-01T09:00:00.000Z',
      updatedBy: BOB,
      updatedAt: '2026-10-02T09:00:00.000Z',
    });
    const turn = new FakeTurn(MANAGER, { text: 'you said, we did', userId: 'manager-1' });
    await w.router.routeText(turn);
    expect(shown(turn)).to.include('Added by Ada Lovelace on');
    expect(shown(turn)).to.include(`changed by ${UNNAMED_STAFF} on`);
    expect(shown(turn)).not.to.include(ADA);
    expect(shown(turn)).not.to.include(BOB);
  });

  const alert = (over: Partial<WorryAlert>): WorryAlert => ({
    id: 'a'.repeat(32),
    reviewRef: 'AR-1042',
    role: 'cyp',
    questionId: 'q1',
    asked: 'Anything else?',
    answer: 'I am scared',
    reasons: ['"scared"'],
    raisedAt: '2026-11-02T08:00:00.000Z',
    inviter: ADA,
    status: 'sent',
    ...over,
  });
  const press = async (userId: string, alertId: string) => {
    const turn = new FakeTurn(PRACTITIONER, { userId, value: { verb: ACKNOWLEDGE_WORRY_VERB, alertId } });
    const outcome = await w.router.routeCard(turn);
    return JSON.stringify(outcome);
  };

  it('a worry alert: "Seen by" names who pressed; the alert keeps their id', async () => {
    await w.worryAlerts.create(alert({}));
    const card = await press(ADA, 'a'.repeat(32));
    expect(card).to.include('Seen by Ada Lovelace at');
    expect(card).not.to.include(ADA);
    expect((await w.worryAlerts.get('a'.repeat(32)))?.acknowledgedBy).to.equal(ADA);
  });

  it('a worry alert seen by someone without a known name: "a member of staff", never the id', async () => {
    await w.worryAlerts.create(
      alert({ status: 'acknowledged', acknowledgedBy: BOB, acknowledgedAt: '2026-11-02T09:00:00.000Z' }),
    );
    const card = await press(ADA, 'a'.repeat(32));
    expect(card).to.include(`Already marked as seen by ${UNNAMED_STAFF} at`);
    expect(card).to.include(`Seen by ${UNNAMED_STAFF} at`);
    expect(card).not.to.include(BOB);
  });

  it('looks every name up at once for a view, and keeps the newest name given', async () => {
    let lookups = 0;
    const names = w.addresses.names.bind(w.addresses);
    w.addresses.names = async (ids) => (lookups++, names(ids));
    const nameOf = await w.addressBook.staffNames([ADA, BOB, ADA, 'someone-else']);
    expect([nameOf(ADA), nameOf(BOB), nameOf('someone-else')]).to.deep.equal([
      'Ada Lovelace',
      UNNAMED_STAFF,
      UNNAMED_STAFF,
    ]);
    expect(lookups).to.equal(1);
    await w.addressBook.rememberPerson(ADA, chat('ada-chat'), 'Ada King');
    await w.addressBook.rememberPerson(ADA, chat('ada-chat'));
    expect((await w.addressBook.staffNames([ADA]))(ADA), 'a turn without a name keeps the one known').to.equal(
      'Ada King',
    );
  });

  it('keeps a display name cleaned of control characters and no longer than MAX_DISPLAY_NAME', async () => {
    await w.addressBook.rememberPerson(BOB, chat('bob-chat'), '  Bob\u0007 \n\tBuilder\u001b[31m ');
    expect((await w.addressBook.staffNames([BOB]))(BOB)).to.equal('Bob Builder[31m');
    expect(cleanDisplayName('x'.repeat(500))).to.have.length(MAX_DISPLAY_NAME);
    expect(cleanDisplayName(' \u0000 ')).to.equal(undefined);
    expect(cleanDisplayName(42)).to.equal(undefined);
  });

  it("the Turn's sender name comes from activity.from.name, cleaned; absent when the channel gives none", () => {
    const from = (f: Record<string, unknown>) => ({ from: f }) as unknown as Activity;
    expect(userNameOf(from({ id: 'u', aadObjectId: ADA, name: 'Ada\u0000 Lovelace' }))).to.equal('Ada Lovelace');
    expect(userNameOf(from({ id: 'u' }))).to.equal(undefined);
    expect(userNameOf(from({ id: 'u', name: '' }))).to.equal(undefined);
  });

  it('forgets the name and chat of staff who left: no role any more, or not seen for about 13 months', async () => {
    const roles = new Map<string, string[]>([
      [ADA, ['manager']],
      [BOB, []],
    ]);
    const lookup = { rolesOf: async (id: string) => roles.get(id) ?? [] };
    // Bob's role was taken away: his row goes; Ada still has hers and wrote today: kept.
    expect(await w.addressBook.forgetStaffWhoLeft(lookup)).to.deep.equal({ kept: 1, forgotten: 1 });
    expect(await w.addressBook.personalChat(BOB)).to.equal(undefined);
    expect((await w.addressBook.staffNames([ADA, BOB]))(ADA)).to.equal('Ada Lovelace');

    // A year on, Ada is kept (she may still work here, silent); past 400 days without a word, she is forgotten.
    w.clock.advanceDays(365);
    expect(await w.addressBook.forgetStaffWhoLeft(lookup)).to.deep.equal({ kept: 1, forgotten: 0 });
    w.clock.advanceDays(36);
    expect(await w.addressBook.forgetStaffWhoLeft(lookup)).to.deep.equal({ kept: 0, forgotten: 1 });
    expect((await w.addressBook.staffNames([ADA]))(ADA)).to.equal(UNNAMED_STAFF);
    expect(await w.addressBook.personalChat(ADA)).to.equal(undefined);

    // Writing again keeps her again.
    await w.addressBook.rememberPerson(ADA, chat('ada-chat'), 'Ada Lovelace');
    expect((await w.addressBook.staffNames([ADA]))(ADA)).to.equal('Ada Lovelace');
  });
});
