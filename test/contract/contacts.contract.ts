import { expect } from 'chai';
import type { ContactStore, HeldContact } from '../../src/features/familyContacts/familyContactsStores.js';
import { eachTestGets, type StoreFactory } from './support/contract.js';

const contact = (code: string, over: Partial<HeldContact> = {}): HeldContact => ({
  code,
  reviewRef: 'AR-1042',
  role: 'pc',
  channel: 'sms',
  sealed: `v1.nonce.tag.${code}`,
  createdAt: '2026-11-02T09:00:00.000Z',
  expiresAt: '2027-01-01',
  ...over,
});

/** Just the contact's own fields (whatever else a listing carries, such as keys and ETags). */
const fields = ({ code, reviewRef, role, channel, sealed, createdAt, expiresAt }: HeldContact): HeldContact => ({
  code,
  reviewRef,
  role,
  channel,
  sealed,
  createdAt,
  expiresAt,
});
const byCode = (list: HeldContact[]) => list.map(fields).sort((a, b) => a.code.localeCompare(b.code));

export function describeContactStoreContract(name: string, makeStore: StoreFactory<ContactStore>) {
  describe(`ContactStore contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('gives back what it was given, field for field', async () => {
      const held = contact('ABCDEFGH22', { channel: 'email', role: 'cyp' });
      await store().put(held);
      expect(fields((await store().get(held.code))!)).to.deep.equal(held);
    });

    it('knows nothing of a code never held', async () => {
      expect(await store().get('NONENONE22')).to.equal(undefined);
    });

    it('replaces the contact of the same invitation rather than keeping two', async () => {
      await store().put(contact('SAMEAAAA22'));
      await store().put(contact('SAMEAAAA22', { channel: 'email', sealed: 'v1.other' }));
      expect(byCode(await store().all())).to.deep.equal([
        contact('SAMEAAAA22', { channel: 'email', sealed: 'v1.other' }),
      ]);
    });

    it('deletes: true when a row was there, false when it was not, and it is gone from every read', async () => {
      await store().put(contact('GONEAAAA22'));
      expect(await store().delete('GONEAAAA22')).to.equal(true);
      expect(await store().delete('GONEAAAA22')).to.equal(false);
      expect(await store().get('GONEAAAA22')).to.equal(undefined);
      expect(await store().forReview('AR-1042')).to.deep.equal([]);
      expect(await store().all()).to.deep.equal([]);
    });

    it('lists one review’s contacts, and all of them', async () => {
      await store().put(contact('REVAAAAA22'));
      await store().put(contact('REVBBBBB22', { role: 'cyp' }));
      await store().put(contact('OTHERAAA22', { reviewRef: 'AR-2042' }));
      expect(byCode(await store().forReview('AR-1042'))).to.deep.equal([
        contact('REVAAAAA22'),
        contact('REVBBBBB22', { role: 'cyp' }),
      ]);
      expect((await store().all()).map((c) => c.code).sort()).to.deep.equal(['OTHERAAA22', 'REVAAAAA22', 'REVBBBBB22']);
    });

    it('lists the contacts whose next reminder is due, and moves it on without re-creating a deleted contact', async () => {
      await store().put(contact('DUEAAAAA22', { nextReminderAt: '2026-11-05T09:00:00.000Z' }));
      await store().put(contact('LATERAAA22', { nextReminderAt: '2026-11-09T09:00:00.000Z' }));
      await store().put(contact('NONEAAAA22'));
      const due = async (at: string) => (await store().remindersDue(at)).map((c) => c.code).sort();
      expect(await due('2026-11-05T09:00:00.000Z')).to.deep.equal(['DUEAAAAA22']);
      expect(await due('2026-11-10T00:00:00.000Z')).to.deep.equal(['DUEAAAAA22', 'LATERAAA22']);
      expect(await store().setNextReminder('DUEAAAAA22', '2026-11-09T09:00:00.000Z')).to.equal(true);
      expect(await store().setNextReminder('LATERAAA22', undefined)).to.equal(true);
      expect(await due('2026-11-09T09:00:00.000Z')).to.deep.equal(['DUEAAAAA22']);
      expect((await store().get('LATERAAA22'))?.nextReminderAt).to.equal(undefined);
      expect((await store().get('DUEAAAAA22'))?.sealed).to.equal('v1.nonce.tag.DUEAAAAA22');
      await store().delete('DUEAAAAA22');
      expect(await store().setNextReminder('DUEAAAAA22', '2026-11-20T09:00:00.000Z')).to.equal(false);
      expect(await store().get('DUEAAAAA22')).to.equal(undefined);
    });
  });
}
