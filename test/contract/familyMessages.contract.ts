import { expect } from 'chai';
import type { FamilyMessageLedger, NewMessage } from '../../src/features/familyContacts/familyContactsStores.js';
import { at, eachTestGets, type StoreFactory } from './support/contract.js';

const message = (code: string, over: Partial<NewMessage> = {}): NewMessage => ({
  code,
  kind: 'reminder-1',
  reviewRef: 'AR-1042',
  role: 'pc',
  channel: 'sms',
  reference: `ref-${code}-${over.kind ?? 'reminder-1'}`,
  ...over,
});

/** The ledger of messages sent to families: what makes "each reminder once" hold across instances and restarts. */
export function describeFamilyMessagesContract(name: string, makeStore: StoreFactory<FamilyMessageLedger>) {
  describe(`FamilyMessageLedger contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('lets one claimant have a message; the other is told it is held, and after it is sent that it is done', async () => {
      const first = await store().claim(message('CLAIMAAA22'), 'one', at(0));
      expect(first).to.be.an('object');
      expect(await store().claim(message('CLAIMAAA22', { reference: 'another' }), 'two', at(0))).to.equal('held');
      if (typeof first !== 'object') return;
      expect(first.reference).to.equal('ref-CLAIMAAA22-reminder-1');
      const sending = await store().move(first, 'sending', at(0), { attempt: true });
      await store().move(sending, 'sent', at(1), { notificationId: 'n-1' });
      expect(await store().claim(message('CLAIMAAA22'), 'two', at(60))).to.equal('done');
      const [row] = await store().forInvitation('CLAIMAAA22');
      expect(row).to.deep.include({
        code: 'CLAIMAAA22',
        kind: 'reminder-1',
        state: 'sent',
        notificationId: 'n-1',
        attempts: 1,
        sentAt: at(1).toISOString(),
      });
    });

    it('hands a claim whose lease ran out to another instance, keeping its first reference', async () => {
      const first = await store().claim(message('LEASEAAA22'), 'one', at(0));
      expect(first).to.be.an('object');
      const taken = await store().claim(message('LEASEAAA22', { reference: 'new-ref' }), 'two', at(10));
      expect(taken).to.be.an('object');
      if (typeof taken !== 'object' || typeof first !== 'object') return;
      expect(taken.reference).to.equal(first.reference);
      // The stopped instance's ETag no longer moves it.
      let refused = false;
      await store()
        .move(first, 'sending', at(10))
        .catch(() => (refused = true));
      expect(refused).to.equal(true);
      expect((await store().byReference(first.reference))?.instance).to.equal('two');
    });

    it('records a message interrupted mid-send as uncertain, never to be sent again', async () => {
      const first = await store().claim(message('SENDINGA22'), 'one', at(0));
      if (typeof first !== 'object') throw new Error('not claimed');
      await store().move(first, 'sending', at(0));
      expect(await store().claim(message('SENDINGA22'), 'two', at(1))).to.equal('held');
      expect(await store().claim(message('SENDINGA22'), 'two', at(10))).to.equal('done');
      expect((await store().forInvitation('SENDINGA22'))[0]?.state).to.equal('uncertain');
    });

    it('finds a message by its reference, and records its receipt only if unchanged since read', async () => {
      await store().recordSent(message('RECEIPTA22', { kind: 'invitation', reference: 'r-1' }), 'n-9', at(0));
      const found = await store().byReference('r-1');
      expect(found).to.deep.include({ code: 'RECEIPTA22', kind: 'invitation', state: 'sent', notificationId: 'n-9' });
      expect(await store().byReference('nothing-like-it')).to.equal(undefined);
      expect(await store().recordDelivery(found!, 'permanent-failure', at(5).toISOString())).to.equal(true);
      // The same read again is stale: a second receipt handler must not act as if first.
      expect(await store().recordDelivery(found!, 'permanent-failure', at(6).toISOString())).to.equal(false);
      expect(await store().byReference('r-1')).to.deep.include({
        delivery: 'permanent-failure',
        deliveryAt: at(5).toISOString(),
      });
    });

    it('lists an invitation’s messages in order, and erases a review’s, references and all', async () => {
      await store().recordSent(message('ORDERAAA22', { kind: 'invitation', reference: 'o-0' }), 'n-0', at(0));
      const r2 = await store().claim(message('ORDERAAA22', { kind: 'reminder-2', reference: 'o-2' }), 'one', at(1));
      const r1 = await store().claim(message('ORDERAAA22', { reference: 'o-1' }), 'one', at(1));
      expect([typeof r1, typeof r2]).to.deep.equal(['object', 'object']);
      await store().recordSent(
        message('OTHERAAA22', { kind: 'invitation', reviewRef: 'AR-2042', reference: 'x-0' }),
        'n-1',
        at(0),
      );
      expect((await store().forInvitation('ORDERAAA22')).map((m) => m.kind)).to.deep.equal([
        'invitation',
        'reminder-1',
        'reminder-2',
      ]);
      expect(await store().eraseReview('AR-1042')).to.equal(3);
      expect(await store().forInvitation('ORDERAAA22')).to.deep.equal([]);
      expect(await store().byReference('o-0')).to.equal(undefined);
      expect(await store().byReference('x-0')).to.not.equal(undefined);
    });
  });
}
