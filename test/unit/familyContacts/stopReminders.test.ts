import { expect } from 'chai';
import { ContactCipher } from '../../../src/features/familyContacts/domain/contactCipher.js';
import {
  FamilyContactsService,
  type FamilyMessagingIn,
} from '../../../src/features/familyContacts/familyContactsService.js';
import { InMemoryContacts } from '../../support/fakes/inMemoryContacts.js';
import { InMemoryFamilyMessages } from '../../support/fakes/inMemoryFamilyMessages.js';
import { InMemoryStaffNotices } from '../../support/fakes/inMemoryStaffNotices.js';
import { InMemoryInvitations } from '../../support/fakes/inMemoryStores.js';
import { TestClock } from '../../support/testClock.js';

const CODE = 'STPPAAAA22';

async function service(withReminders: boolean) {
  const contacts = new InMemoryContacts();
  const ledger = new InMemoryFamilyMessages();
  const invitations = new InMemoryInvitations();
  const clock = new TestClock('2026-12-10');
  const messaging: FamilyMessagingIn = {
    send: async () => ({ kind: 'sent', notificationId: 'n' }),
    attempt: async () => ({ kind: 'sent', notificationId: 'n' }),
    cipher: new ContactCipher(Buffer.alloc(32, 1)),
    templates: { inviteSms: 'a', inviteEmail: 'b' },
    area: 'Northshire',
    linkOf: (code) => `https://x.test/survey/${code}`,
    instance: 'unit',
    ...(withReminders ? { reminders: { days: [3, 7], templates: { sms: 'c', email: 'd' } } } : {}),
  };
  const s = new FamilyContactsService(
    contacts,
    ledger,
    new InMemoryStaffNotices(),
    invitations,
    { read: async () => undefined },
    clock,
    messaging,
  );
  await invitations.tryCreate({
    code: CODE,
    reviewRef: 'AR-1042',
    role: 'pc',
    term: '2026-27-autumn',
    createdAt: clock.now().toISOString(),
    expiresAt: '2027-02-08',
    createdBy: 'p',
  });
  await contacts.put({
    code: CODE,
    reviewRef: 'AR-1042',
    role: 'pc',
    channel: 'sms',
    sealed: 'v1.a.b.c',
    createdAt: clock.now().toISOString(),
    expiresAt: '2027-02-08',
  });
  return { s, contacts, ledger };
}

describe('"Stop reminders" on the family page', () => {
  it('is offered only with reminders on and a number or address held, for the code however it is written', async () => {
    expect(await (await service(false)).s.offersStop(CODE)).to.equal(false);
    const { s } = await service(true);
    expect(await s.offersStop('stpp-aaaa-22')).to.equal(true);
    expect(await s.offersStop('NOTACODE')).to.equal(false);
  });

  it('deletes the contact at once, keeps that the family asked, and says so once', async () => {
    const { s, contacts, ledger } = await service(true);
    expect(await s.stopReminders(CODE)).to.equal('stopped');
    expect(await contacts.get(CODE)).to.equal(undefined);
    expect(await s.offersStop(CODE)).to.equal(false);
    expect(await s.stopReminders(CODE)).to.equal('nothingHeld');
    expect(await s.messagesFor(CODE)).to.deep.equal({ messages: [], optedOut: true });
    expect(await s.stopReminders('ABCDEFGH23')).to.equal('unknown');
    // Erasure takes the record of it with the review.
    await s.forgetReview('AR-1042');
    expect(ledger.optOuts.size).to.equal(0);
  });
});
