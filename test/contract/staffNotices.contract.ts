import { expect } from 'chai';
import type { StaffNotice, StaffNoticeStore } from '../../src/features/familyContacts/familyContactsStores.js';
import { eachTestGets, type StoreFactory } from './support/contract.js';

const notice = (id: string, over: Partial<StaffNotice> = {}): StaffNotice => ({
  id,
  kind: 'deliveryFailed',
  userId: 'practitioner-1',
  reviewRef: 'AR-1042',
  role: 'pc',
  code: 'NOTICEAA22',
  message: 'reminder-1',
  channel: 'sms',
  dueAt: '2026-12-10T10:00:00.000Z',
  state: 'scheduled',
  ...over,
});
const fields = ({ etag: _etag, ...n }: StaffNotice & { etag?: string }) => n;

export function describeStaffNoticesContract(name: string, makeStore: StoreFactory<StaffNoticeStore>) {
  describe(`StaffNoticeStore contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('makes a notice once, field for field, and moves it only from the state it was read in', async () => {
      expect(await store().create(notice('a'))).to.equal(true);
      expect(await store().create(notice('a', { userId: 'someone else' }))).to.equal(false);
      const read = await store().get('a');
      expect(fields(read!)).to.deep.equal(notice('a'));
      const etag = await store().replace({ ...notice('a'), state: 'sending', sendingSince: 'x' }, read!.etag);
      expect(etag).to.be.a('string');
      expect(await store().replace({ ...notice('a'), state: 'sending' }, read!.etag)).to.equal(undefined);
      expect((await store().get('a'))?.state).to.equal('sending');
    });

    it('lists the scheduled notices that are due, and those left sending since before a time', async () => {
      await store().create(notice('due'));
      await store().create(
        notice('later', { dueAt: '2026-12-15T09:00:00.000Z', kind: 'meetingSoon', meetingOn: '2026-12-17' }),
      );
      await store().create(notice('stale', { state: 'sending', sendingSince: '2026-12-10T09:00:00.000Z' }));
      await store().create(notice('busy', { state: 'sending', sendingSince: '2026-12-10T10:04:00.000Z' }));
      await store().create(notice('done', { state: 'sent' }));
      const due = await store().due('2026-12-10T10:05:00.000Z', '2026-12-10T10:00:00.000Z');
      expect(due.map((n) => n.id).sort()).to.deep.equal(['due', 'stale']);
      expect((await store().due('2026-12-15T09:00:00.000Z', '')).map((n) => n.id)).to.deep.equal(['due', 'later']);
    });

    it('erases a review’s notices', async () => {
      await store().create(notice('one'));
      await store().create(notice('two', { reviewRef: 'AR-2042' }));
      expect(await store().eraseReview('AR-1042')).to.equal(1);
      expect(await store().get('one')).to.equal(undefined);
      expect(await store().get('two')).to.not.equal(undefined);
    });
  });
}
