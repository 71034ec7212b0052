import { expect } from 'chai';
import type { WorryAlert, WorryAlertStore } from '../../src/features/worries/worryStores.js';
import { eachTestGets, type StoreFactory } from './support/contract.js';

const alert = (id: string, over: Partial<WorryAlert> = {}): WorryAlert => ({
  id,
  reviewRef: 'AR-1042',
  role: 'cyp',
  questionId: 'safe.cyp.1',
  asked: 'Do you feel safe at school?',
  answer: 'Not really, someone keeps hurting me.',
  reasons: ['hurting me'],
  raisedAt: '2026-11-02T10:00:00.000Z',
  inviter: 'staff-1',
  status: 'new',
  ...over,
});
const without = <T extends { etag: string }>(a: T | undefined) => {
  if (!a) return a;
  const { etag: _etag, ...rest } = a;
  return rest;
};
const ids = (list: { id: string }[]) => list.map((a) => a.id).sort();

export function describeWorryAlertStoreContract(name: string, makeStore: StoreFactory<WorryAlertStore>) {
  describe(`WorryAlertStore contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('creates an alert once: its ETag, then undefined for the same id, and the first is kept', async () => {
      const first = alert('a/1+x');
      const etag = await store().create(first);
      expect(etag).to.be.a('string').and.not.equal('');
      expect(await store().create(alert('a/1+x', { answer: 'something else' }))).to.equal(undefined);
      expect(await store().get('a/1+x')).to.deep.equal({ ...first, etag });
      expect(await store().get('nope')).to.equal(undefined);
    });

    it('keeps every optional field through a round trip, and adds none', async () => {
      const full = alert('full', {
        status: 'acknowledged',
        sendingSince: '2026-11-02T10:01:00.000Z',
        sentAt: '2026-11-02T10:02:00.000Z',
        escalatedAt: '2026-11-03T10:00:00.000Z',
        escalatedTo: ['admin-1', 'admin-2'],
        acknowledgedAt: '2026-11-03T11:00:00.000Z',
        acknowledgedBy: 'staff-1',
        problem: 'blocked',
      });
      const bare = alert('bare');
      delete bare.inviter;
      await store().create(full);
      await store().create(bare);
      expect(without(await store().get('full'))).to.deep.equal(full);
      expect(without(await store().get('bare'))).to.deep.equal(bare);
    });

    it('replaces only with the ETag it was read with; a stale one changes nothing', async () => {
      const etag = (await store().create(alert('a1')))!;
      const sending = alert('a1', { status: 'sending', sendingSince: '2026-11-02T10:01:00.000Z' });
      const next = await store().replace(sending, etag);
      expect(next).to.be.a('string').and.not.equal(etag);
      expect(await store().replace(alert('a1', { status: 'sent' }), etag), 'stale').to.equal(undefined);
      expect(await store().get('a1')).to.deep.equal({ ...sending, etag: next });
      expect(await store().replace(alert('gone'), etag), 'not there').to.equal(undefined);
      expect(await store().get('gone')).to.equal(undefined);
    });

    it('removes only with the ETag it was read with', async () => {
      const etag = (await store().create(alert('a1', { status: 'pending' })))!;
      const next = (await store().replace(alert('a1', { status: 'new' }), etag))!;
      expect(await store().remove('a1', etag), 'stale').to.equal(false);
      expect(await store().get('a1')).to.not.equal(undefined);
      expect(await store().remove('a1', next)).to.equal(true);
      expect(await store().get('a1')).to.equal(undefined);
      expect(await store().remove('a1', next), 'already gone').to.equal(false);
    });

    it('open: every alert neither pending nor acknowledged, each with its current ETag', async () => {
      const statuses = ['pending', 'new', 'sending', 'sent', 'acknowledged'] as const;
      const etags = new Map<string, string>();
      for (const status of statuses) etags.set(status, (await store().create(alert(status, { status })))!);
      const open = await store().open();
      expect(ids(open)).to.deep.equal(['new', 'sending', 'sent']);
      for (const a of open) expect(a.etag, a.id).to.equal(etags.get(a.id));
    });

    it('pendingBefore: pending alerts raised strictly before the time', async () => {
      await store().create(alert('p-early', { status: 'pending', raisedAt: '2026-11-02T09:00:00.000Z' }));
      await store().create(alert('p-at', { status: 'pending', raisedAt: '2026-11-02T10:00:00.000Z' }));
      await store().create(alert('p-late', { status: 'pending', raisedAt: '2026-11-02T11:00:00.000Z' }));
      await store().create(alert('n-early', { status: 'new', raisedAt: '2026-11-02T09:00:00.000Z' }));
      const pending = await store().pendingBefore('2026-11-02T10:00:00.000Z');
      expect(ids(pending)).to.deep.equal(['p-early']);
      expect(without(pending[0])).to.deep.equal(
        alert('p-early', { status: 'pending', raisedAt: '2026-11-02T09:00:00.000Z' }),
      );
    });

    it('erasing a review removes its alerts, whatever their state, and says how many; others stay', async () => {
      await store().create(alert('x1', { status: 'pending' }));
      await store().create(alert('x2', { status: 'acknowledged' }));
      await store().create(alert('y1', { reviewRef: 'AR-2' }));
      expect(await store().eraseReview('AR-1042')).to.equal(2);
      expect(await store().get('x1')).to.equal(undefined);
      expect(await store().get('x2')).to.equal(undefined);
      expect(ids(await store().open())).to.deep.equal(['y1']);
      expect(await store().eraseReview('AR-1042')).to.equal(0);
    });
  });
}
