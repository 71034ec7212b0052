import { expect } from 'chai';
import { countDeliveries } from '../../src/features/digests/domain/deliveryCounts.js';
import type { AddressBook } from '../../src/features/addressBook/addressBookStores.js';
import type {
  DigestLedger,
  DigestSubscriptions,
  LedgerRow,
  Secrets,
  Subscription,
} from '../../src/features/digests/digestStores.js';
import type { ConversationAddress } from '../../src/ports/messages.js';
import { at, eachTestGets, type StoreFactory } from './support/contract.js';

const address = (conversationId: string, over: Partial<ConversationAddress> = {}): ConversationAddress => ({
  conversationId,
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  channelId: 'msteams',
  conversationType: 'personal',
  tenantId: 'tenant-1',
  botId: '28:bot',
  ...over,
});
const CHAT = 'a:1Xy/Zz@thread;messageid=2';

/** Only the address fields (what a send uses), whatever else the store hands back with them. */
const addressOf = (a: ConversationAddress | undefined) =>
  a && {
    conversationId: a.conversationId,
    serviceUrl: a.serviceUrl,
    channelId: a.channelId,
    conversationType: a.conversationType,
    ...(a.tenantId !== undefined ? { tenantId: a.tenantId } : {}),
    ...(a.botId !== undefined ? { botId: a.botId } : {}),
  };

export function describeAddressBookContract(name: string, makeStore: StoreFactory<AddressBook>) {
  describe(`AddressBook contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('gives back a saved address as active, stamped with when it was saved', async () => {
      expect(await store().get(CHAT)).to.equal(undefined);
      await store().save(address(CHAT), at(0));
      expect(await store().get(CHAT)).to.deep.equal({
        ...address(CHAT),
        status: 'active',
        updatedAt: at(0).toISOString(),
      });
    });

    it('an address without tenant or bot id comes back without them', async () => {
      const bare = { ...address('19:chan@thread.tacv2', { conversationType: 'channel' }) };
      delete bare.tenantId;
      delete bare.botId;
      await store().save(bare, at(0));
      expect(await store().get(bare.conversationId)).to.deep.equal({
        ...bare,
        status: 'active',
        updatedAt: at(0).toISOString(),
      });
    });

    it('marks an address gone with why and when; saving it again makes it active and drops the reason', async () => {
      await store().save(address(CHAT), at(0));
      await store().markGone(CHAT, 'uninstalled', at(5));
      expect(await store().get(CHAT)).to.deep.equal({
        ...address(CHAT),
        status: 'gone',
        goneReason: 'uninstalled',
        updatedAt: at(5).toISOString(),
      });
      await store().save(address(CHAT), at(10));
      expect(await store().get(CHAT)).to.deep.equal({
        ...address(CHAT),
        status: 'active',
        updatedAt: at(10).toISOString(),
      });
    });

    it('marking an unknown conversation gone stores nothing', async () => {
      await store().markGone('never-seen', 'blocked', at(0));
      expect(await store().get('never-seen')).to.equal(undefined);
      expect([...(await store().all()).keys()]).to.deep.equal([]);
    });

    it('`unlessRecent` skips the write of the same active address less than a day old, not otherwise', async () => {
      await store().save(address(CHAT), at(0));
      await store().save(address(CHAT), at(60), { unlessRecent: true });
      expect((await store().get(CHAT))?.updatedAt, 'the same, an hour on').to.equal(at(0).toISOString());
      const moved = address(CHAT, { serviceUrl: 'https://smba.trafficmanager.net/emea/' });
      await store().save(moved, at(61), { unlessRecent: true });
      expect(await store().get(CHAT), 'changed').to.deep.include({
        serviceUrl: moved.serviceUrl,
        updatedAt: at(61).toISOString(),
      });
      await store().save(moved, at(61 + 24 * 60), { unlessRecent: true });
      expect((await store().get(CHAT))?.updatedAt, 'a day on').to.equal(at(61 + 24 * 60).toISOString());
      await store().markGone(CHAT, 'blocked', at(61 + 24 * 60 + 1));
      await store().save(moved, at(61 + 24 * 60 + 2), { unlessRecent: true });
      expect((await store().get(CHAT))?.status, 'gone, then seen again').to.equal('active');
      await store().save(moved, at(61 + 24 * 60 + 3));
      expect((await store().get(CHAT))?.updatedAt, 'without unlessRecent: always written').to.equal(
        at(61 + 24 * 60 + 3).toISOString(),
      );
    });

    it('lists every conversation address by id, gone ones too, and no personal chats of staff', async () => {
      await store().save(address('chat-1'), at(0));
      await store().save(address('chat-2', { conversationType: 'groupChat' }), at(1));
      await store().markGone('chat-2', 'removed', at(2));
      await store().savePerson('user-1', address('chat-9'), at(3));
      const all = await store().all();
      expect([...all.keys()].sort()).to.deep.equal(['chat-1', 'chat-2']);
      expect(all.get('chat-1')).to.deep.equal(await store().get('chat-1'));
      expect(all.get('chat-2')?.status).to.equal('gone');
    });

    it("keeps a staff member's personal chat apart from the conversation addresses", async () => {
      expect(await store().personalChat('user-1')).to.equal(undefined);
      await store().savePerson('user-1', address('a:personal-1'), at(0));
      expect(addressOf(await store().personalChat('user-1'))).to.deep.equal(address('a:personal-1'));
      expect(await store().personalChat('user-2')).to.equal(undefined);
      expect(await store().get('a:personal-1'), 'not a conversation address').to.equal(undefined);
      await store().savePerson('user-1', address('a:personal-2'), at(1));
      expect(addressOf(await store().personalChat('user-1')), 'a new chat replaces it').to.deep.equal(
        address('a:personal-2'),
      );
    });

    it("keeps a staff member's display name with their chat, and gives names for many ids in one lookup", async () => {
      await store().savePerson('user-1', address('a:personal-1'), at(0), 'Ada Lovelace');
      await store().savePerson('user-2', address('a:personal-2'), at(0));
      expect(addressOf(await store().personalChat('user-1')), 'the address reads as before').to.deep.equal(
        address('a:personal-1'),
      );
      expect(addressOf(await store().personalChat('user-2')), 'a row without a name still reads').to.deep.equal(
        address('a:personal-2'),
      );
      expect([...(await store().names(['user-1', 'user-2', 'user-3']))]).to.deep.equal([['user-1', 'Ada Lovelace']]);
      expect((await store().names([])).size).to.equal(0);

      await store().savePerson('user-1', address('a:personal-1'), at(1), 'Ada King');
      expect(await store().names(['user-1']), 'a new name replaces the old, the same day').to.deep.equal(
        new Map([['user-1', 'Ada King']]),
      );
      await store().savePerson('user-1', address('a:personal-3'), at(2));
      expect(await store().names(['user-1']), 'a turn without a name keeps the one known').to.deep.equal(
        new Map([['user-1', 'Ada King']]),
      );
      expect(addressOf(await store().personalChat('user-1'))).to.deep.equal(address('a:personal-3'));
    });

    it("lists whose own chats are kept and when each was written, and forgets one person's chat and name whole", async () => {
      expect(await store().people()).to.deep.equal([]);
      await store().savePerson('user-1', address('a:personal-1'), at(0), 'Ada Lovelace');
      await store().savePerson('user-2', address('a:personal-2'), at(5), 'Grace Hopper');
      await store().save(address('chat-1'), at(6));
      const people = (await store().people()).sort((a, b) => a.userId.localeCompare(b.userId));
      expect(people, 'only people, each with when they last wrote').to.deep.equal([
        { userId: 'user-1', seenAt: at(0) },
        { userId: 'user-2', seenAt: at(5) },
      ]);

      expect(await store().forgetPerson('user-1')).to.equal(true);
      expect(await store().personalChat('user-1'), 'their chat is gone').to.equal(undefined);
      expect(await store().names(['user-1', 'user-2']), 'and their name').to.deep.equal(
        new Map([['user-2', 'Grace Hopper']]),
      );
      expect((await store().people()).map((p) => p.userId)).to.deep.equal(['user-2']);
      expect(await store().get('chat-1'), 'conversation addresses are untouched').to.not.equal(undefined);
      expect(await store().forgetPerson('user-1'), 'forgetting again finds nothing').to.equal(false);
      expect(await store().forgetPerson('user-9'), 'nor someone never kept').to.equal(false);

      await store().savePerson('user-1', address('a:personal-4'), at(9));
      expect(await store().names(['user-1']), 'writing again keeps them again, without the old name').to.deep.equal(
        new Map(),
      );
      expect(addressOf(await store().personalChat('user-1'))).to.deep.equal(address('a:personal-4'));
    });
  });
}

const subscription = (conversationId: string, subscribedBy = 'manager-1'): Subscription => ({
  conversationId,
  scope: 'personal',
  subscribedBy,
  subscribedAt: '2026-11-02T09:00:00.000Z',
});

export function describeDigestSubscriptionsContract(name: string, makeStore: StoreFactory<DigestSubscriptions>) {
  describe(`DigestSubscriptions contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('subscribes once; a second subscription of the chat keeps the first', async () => {
      expect(await store().subscribe(subscription(CHAT))).to.equal('subscribed');
      expect(await store().subscribe(subscription(CHAT, 'manager-2'))).to.equal('already');
      expect(await store().list()).to.deep.equal([subscription(CHAT)]);
    });

    it('unsubscribes a subscribed chat, and says when there was nothing to unsubscribe', async () => {
      await store().subscribe(subscription('chat-1'));
      await store().subscribe({ ...subscription('19:team@thread.tacv2'), scope: 'channel' });
      expect(await store().unsubscribe('chat-1')).to.equal(true);
      expect(await store().unsubscribe('chat-1')).to.equal(false);
      expect(await store().list()).to.deep.equal([{ ...subscription('19:team@thread.tacv2'), scope: 'channel' }]);
      expect(await store().subscribe(subscription('chat-1')), 'subscribed again').to.equal('subscribed');
    });
  });
}

const LEASE_MS = 2 * 60_000;
const DIGEST = '2026-27-autumn';
const rowOf = async (ledger: DigestLedger, conversationId: string): Promise<LedgerRow | undefined> =>
  (await ledger.rows(DIGEST)).find((r) => r.conversationId === conversationId);

/** The ledger's lease is two minutes in every store the suite is given. */
export function describeDigestLedgerContract(name: string, makeStore: StoreFactory<DigestLedger>) {
  describe(`DigestLedger contract: ${name} (two-minute lease)`, () => {
    const store = eachTestGets(makeStore);

    it('the first claim of a conversation wins; nobody else holds it while its lease runs', async () => {
      const claim = await store().claim(DIGEST, CHAT, 'instance-a', at(0));
      expect(claim).to.include({ conversationId: CHAT, attempts: 0 });
      expect(claim?.etag).to.be.a('string');
      expect(await store().claim(DIGEST, CHAT, 'instance-b', at(1))).to.equal(undefined);
      expect(await store().claim(DIGEST, CHAT, 'instance-a', at(1)), 'not even its own instance').to.equal(undefined);
      expect(await store().claim('2026-27-spring', CHAT, 'instance-b', at(1)), 'another digest').to.not.equal(
        undefined,
      );
      expect(await rowOf(store(), CHAT)).to.deep.equal({
        digestId: DIGEST,
        conversationId: CHAT,
        state: 'claimed',
        instance: 'instance-a',
        leaseUntil: new Date(at(0).getTime() + LEASE_MS).toISOString(),
        attempts: 0,
        updatedAt: at(0).toISOString(),
      });
    });

    it('of claims made at once, exactly one wins', async () => {
      const claims = await Promise.all(['a', 'b', 'c', 'd'].map((i) => store().claim(DIGEST, CHAT, i, at(0))));
      expect(claims.filter(Boolean)).to.have.length(1);
    });

    it('a claim whose lease ran out before sending is taken over once, keeping its attempts', async () => {
      const first = (await store().claim(DIGEST, CHAT, 'instance-a', at(0)))!;
      const retried = await store().move(DIGEST, first, 'claimed', at(0.5), { status: 429, attempt: true });
      expect(retried.attempts).to.equal(1);
      expect(await store().claim(DIGEST, CHAT, 'instance-b', at(2)), 'lease still running').to.equal(undefined);
      const taken = await store().claim(DIGEST, CHAT, 'instance-b', at(3));
      expect(taken).to.include({ conversationId: CHAT, attempts: 1 });
      expect(await store().claim(DIGEST, CHAT, 'instance-c', at(3)), 'taken over only once').to.equal(undefined);
      expect(await rowOf(store(), CHAT)).to.include({ state: 'claimed', instance: 'instance-b' });
    });

    it('a move with a claim another instance has since taken over is refused', async () => {
      const stale = (await store().claim(DIGEST, CHAT, 'instance-a', at(0)))!;
      await store().claim(DIGEST, CHAT, 'instance-b', at(3));
      let refused: unknown;
      await store()
        .move(DIGEST, stale, 'sent', at(4))
        .catch((e: unknown) => (refused = e));
      expect(refused).to.be.instanceOf(Error);
      expect(await rowOf(store(), CHAT)).to.include({ state: 'claimed', instance: 'instance-b' });
    });

    it('moves a claim on, recording the outcome and renewing the lease; a finished row is never claimed again', async () => {
      const claim = (await store().claim(DIGEST, CHAT, 'instance-a', at(0)))!;
      const sending = await store().move(DIGEST, claim, 'sending', at(1), { attempt: true });
      expect(sending).to.include({ conversationId: CHAT, attempts: 1 });
      expect(sending.etag).to.not.equal(claim.etag);
      await store().move(DIGEST, sending, 'sent', at(1.5), { status: 201, detail: 'ok' });
      expect(await rowOf(store(), CHAT)).to.deep.equal({
        digestId: DIGEST,
        conversationId: CHAT,
        state: 'sent',
        instance: 'instance-a',
        leaseUntil: new Date(at(1.5).getTime() + LEASE_MS).toISOString(),
        attempts: 1,
        status: 201,
        detail: 'ok',
        updatedAt: at(1.5).toISOString(),
      });
      expect(await store().claim(DIGEST, CHAT, 'instance-b', at(60))).to.equal(undefined);
    });

    it('a send interrupted past its lease becomes uncertain and is not claimed (nor sent) again', async () => {
      const claim = (await store().claim(DIGEST, CHAT, 'instance-a', at(0)))!;
      await store().move(DIGEST, claim, 'sending', at(1), { attempt: true });
      expect(await store().claim(DIGEST, CHAT, 'instance-b', at(2)), 'lease still running').to.equal(undefined);
      expect(await store().claim(DIGEST, CHAT, 'instance-b', at(4))).to.equal(undefined);
      expect(await rowOf(store(), CHAT)).to.include({ state: 'uncertain', instance: 'instance-a', attempts: 1 });
      expect(await store().claim(DIGEST, CHAT, 'instance-c', at(10))).to.equal(undefined);
      expect((await store().counts(DIGEST)).uncertain).to.equal(1);
    });

    it("counts a digest's rows by state, and no other digest's", async () => {
      const states = ['sent', 'gone', 'failed'] as const;
      for (const [i, state] of states.entries()) {
        const claim = (await store().claim(DIGEST, `chat-${i}`, 'instance-a', at(0)))!;
        await store().move(DIGEST, claim, state, at(1));
      }
      await store().claim(DIGEST, 'chat-waiting', 'instance-a', at(0));
      await store().claim('other-digest', 'chat-0', 'instance-a', at(0));
      const rows = await store().rows(DIGEST);
      expect(rows.map((r) => r.conversationId).sort()).to.deep.equal(['chat-0', 'chat-1', 'chat-2', 'chat-waiting']);
      expect(await store().counts(DIGEST)).to.deep.equal(countDeliveries(rows));
      expect(await store().rows('never-sent')).to.deep.equal([]);
    });

    it('claims a request key once', async () => {
      expect(await store().claimRequest('activity-1', at(0))).to.equal(true);
      expect(await store().claimRequest('activity-1', at(1))).to.equal(false);
      expect(await store().claimRequest('activity-2', at(1))).to.equal(true);
      const atOnce = await Promise.all([0, 1, 2].map(() => store().claimRequest('activity-3', at(2))));
      expect(atOnce.filter(Boolean)).to.have.length(1);
    });

    it('keeps the last run of each digest, newest first, as many as asked', async () => {
      const counts = countDeliveries([]);
      await store().recordRun({ digestId: 'd1', label: 'Autumn', counts, unreachable: 0, at: at(0) });
      await store().recordRun({ digestId: 'd2', label: 'Spring', counts, unreachable: 2, at: at(10) });
      await store().recordRun({ digestId: 'd1', label: 'Autumn again', counts, unreachable: 1, at: at(20) });
      expect(await store().recentRuns(5)).to.deep.equal([
        { digestId: 'd1', label: 'Autumn again', counts, unreachable: 1, at: at(20).toISOString() },
        { digestId: 'd2', label: 'Spring', counts, unreachable: 2, at: at(10).toISOString() },
      ]);
      expect((await store().recentRuns(1)).map((r) => r.digestId)).to.deep.equal(['d1']);
    });
  });
}

export function describeSecretsContract(name: string, makeStore: StoreFactory<Secrets>) {
  describe(`Secrets contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('makes a long secret on first use and gives the same one every time after', async () => {
      const [a, b] = await Promise.all([store().get('link-signing'), store().get('link-signing')]);
      expect(a).to.equal(b);
      expect(a.length).to.be.at.least(32);
      expect(await store().get('link-signing')).to.equal(a);
    });

    it('each name has its own secret', async () => {
      expect(await store().get('link-signing')).to.not.equal(await store().get('cookie-signing'));
    });
  });
}
