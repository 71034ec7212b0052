import { expect } from 'chai';
import { DeliveryReceiptsService } from '../../../src/features/familyContacts/deliveryReceiptsService.js';
import type { StaffNotice } from '../../../src/features/familyContacts/familyContactsStores.js';
import { staffNoticeReply } from '../../../src/features/familyContacts/staffNoticesPresenter.js';
import { StaffNoticesService } from '../../../src/features/familyContacts/staffNoticesService.js';
import type { RespondentState } from '../../../src/features/survey/domain/respondentState.js';
import type { ConversationAddress, Reply } from '../../../src/ports/messages.js';
import { InMemoryContacts } from '../../support/fakes/inMemoryContacts.js';
import { InMemoryFamilyMessages } from '../../support/fakes/inMemoryFamilyMessages.js';
import { InMemoryStaffNotices } from '../../support/fakes/inMemoryStaffNotices.js';
import { InMemoryInvitations } from '../../support/fakes/inMemoryStores.js';
import { TestClock } from '../../support/testClock.js';

const CODE = 'RCPTAAAA22';
const chat = (userId: string): ConversationAddress => ({
  conversationId: `a:${userId}`,
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  channelId: 'msteams',
  conversationType: 'personal',
});

function world() {
  const clock = new TestClock('2026-12-10');
  const ledger = new InMemoryFamilyMessages();
  const contacts = new InMemoryContacts();
  const invitations = new InMemoryInvitations();
  const notices = new InMemoryStaffNotices();
  const states = new Map<string, RespondentState>();
  const told: { to: string; reply: Reply }[] = [];
  const chats = new Set(['practitioner-1']);
  const staff = new StaffNoticesService(
    notices,
    invitations,
    { read: async (ref, role) => states.get(`${ref}/${role}`) },
    async (userId) => (chats.has(userId) ? chat(userId) : undefined),
    async (address, reply) => {
      told.push({ to: address.conversationId, reply });
      return { kind: 'sent' };
    },
    clock,
    (notice, progress) => staffNoticeReply(notice, { ...progress, sectionCount: 7 }),
  );
  const receipts = new DeliveryReceiptsService(ledger, contacts, invitations, staff, clock);
  void invitations.tryCreate({
    code: CODE,
    reviewRef: 'AR-1042',
    role: 'pc',
    term: '2026-27-autumn',
    createdAt: '2026-12-10T10:00:00.000Z',
    expiresAt: '2027-02-08',
    createdBy: 'practitioner-1',
  });
  void contacts.put({
    code: CODE,
    reviewRef: 'AR-1042',
    role: 'pc',
    channel: 'sms',
    sealed: 'v1.x.y.z',
    createdAt: '2026-12-10T10:00:00.000Z',
    expiresAt: '2027-02-08',
    nextReminderAt: '2026-12-13T10:00:00.000Z',
  });
  void ledger.recordSent(
    { code: CODE, kind: 'invitation', reviewRef: 'AR-1042', role: 'pc', channel: 'sms', reference: 'ref-1' },
    'notification-1',
    clock.now(),
  );
  return { clock, ledger, contacts, invitations, notices, states, told, chats, staff, receipts };
}

describe('delivery receipts', () => {
  it('record "delivered" against the message the reference names; the same receipt again changes nothing', async () => {
    const w = world();
    const r = { notificationId: 'notification-1', reference: 'ref-1', status: 'delivered' as const };
    expect(await w.receipts.record({ ...r, at: '2026-12-10T10:00:09.000Z' })).to.equal('recorded');
    expect(await w.receipts.record(r)).to.equal('unchanged');
    expect((await w.ledger.forInvitation(CODE))[0]).to.deep.include({
      delivery: 'delivered',
      deliveryAt: '2026-12-10T10:00:09.000Z',
    });
    expect(await w.contacts.get(CODE)).to.not.equal(undefined);
    expect(w.told).to.deep.equal([]);
  });

  it('know nothing of a reference not theirs, or one whose notification id does not match', async () => {
    const w = world();
    expect(await w.receipts.record({ notificationId: 'x', status: 'delivered' })).to.equal('unknown');
    expect(await w.receipts.record({ notificationId: 'x', reference: 'ref-9', status: 'delivered' })).to.equal(
      'unknown',
    );
    expect(
      await w.receipts.record({ notificationId: 'another', reference: 'ref-1', status: 'permanent-failure' }),
    ).to.equal('unknown');
    expect(await w.contacts.get(CODE)).to.not.equal(undefined);
  });

  it('on a permanent failure delete the number at once and tell the practitioner once, however often it comes', async () => {
    const w = world();
    const r = { notificationId: 'notification-1', reference: 'ref-1', status: 'permanent-failure' as const };
    const outcomes = await Promise.all([w.receipts.record(r), w.receipts.record(r), w.receipts.record(r)]);
    expect(outcomes.filter((o) => o === 'recorded')).to.have.length(1);
    await w.staff.idle();
    expect(await w.contacts.get(CODE)).to.equal(undefined);
    expect(w.told).to.have.length(1);
    expect(w.told[0]!.to).to.equal('a:practitioner-1');
    expect(w.told[0]!.reply.text).to.equal(
      'GOV.UK Notify could not deliver the survey invitation text to the parent carer of review AR-1042: the mobile number is not in use or cannot receive texts (a permanent failure). ' +
        'I have deleted the mobile number and will send them no reminders. Please check the mobile number with the family and invite them again with the right one, or pass the link on yourself: type "my invitations" to see it.',
    );
    expect(await w.staff.run()).to.deep.equal({ sent: 0, unreachable: 0, cancelled: 0 });
    expect(w.told).to.have.length(1);
  });

  it('keep a notice the practitioner cannot be sent yet as unreachable (my invitations still shows the failure)', async () => {
    const w = world();
    w.chats.clear();
    await w.receipts.record({ notificationId: 'notification-1', reference: 'ref-1', status: 'permanent-failure' });
    await w.staff.idle();
    expect(w.told).to.deep.equal([]);
    expect([...w.notices.rows.values()].map((n) => [n.state, n.detail])).to.deep.equal([
      ['unreachable', 'the practitioner has no 1:1 chat with the bot'],
    ]);
  });
});

describe('notices to practitioners', () => {
  const meeting = (over: Partial<StaffNotice> = {}): Omit<StaffNotice, 'state'> => ({
    id: `meeting~${CODE}`,
    kind: 'meetingSoon',
    userId: 'practitioner-1',
    reviewRef: 'AR-1042',
    role: 'pc',
    code: CODE,
    meetingOn: '2026-12-17',
    dueAt: '2026-12-15T09:00:00.000Z',
    ...over,
  });

  it('tell of a meeting two working days away from 09:00 that day, once, across two instances', async () => {
    const w = world();
    expect(await w.staff.schedule(meeting())).to.equal(true);
    expect(await w.staff.schedule(meeting())).to.equal(false); // made once
    w.clock.set('2026-12-14');
    expect((await w.staff.run()).sent).to.equal(0); // not due yet
    w.clock.set('2026-12-15'); // Tuesday noon
    w.states.set('AR-1042/pc', {
      reviewRef: 'AR-1042',
      role: 'pc',
      invitedTerm: '2026-27-autumn',
      sections: { voice: {}, progress: {} },
    } as unknown as RespondentState);
    const [a, b] = await Promise.all([w.staff.run(), w.staff.run()]);
    expect(a.sent + b.sent).to.equal(1);
    expect(w.told.map((t) => t.reply.text)).to.deep.equal([
      "Review AR-1042's meeting is on Thursday 17 December 2026, and the parent carer has not finished the survey (2 of 7 sections saved). " +
        'Type "my invitations" to see where each family is up to, or to give them a new link.',
    ]);
  });

  it('wait for working hours for a meeting notice, and cancel it once the family has finished', async () => {
    const w = world();
    await w.staff.schedule(meeting({ id: 'evening', dueAt: '2026-12-12T09:00:00.000Z' }));
    w.clock.set('2026-12-12'); // Saturday
    expect((await w.staff.run()).sent).to.equal(0);
    w.states.set('AR-1042/pc', {
      reviewRef: 'AR-1042',
      role: 'pc',
      invitedTerm: '2026-27-autumn',
      sections: {},
      completedAt: '2026-12-13T10:00:00.000Z',
    } as RespondentState);
    w.clock.set('2026-12-14');
    expect(await w.staff.run()).to.deep.equal({ sent: 0, unreachable: 0, cancelled: 1 });
    expect(w.told).to.deep.equal([]);
  });
});
