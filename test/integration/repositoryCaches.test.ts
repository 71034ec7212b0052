import { expect } from 'chai';
import type { EmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';
import { freshAccount } from '../support/testAzurite.js';
import { TableStore } from '../../src/storage/tableStore.js';
import { AddressBookRepository } from '../../src/features/addressBook/storage/addressBookRepository.js';
import { AggregatesRepository } from '../../src/features/scores/storage/aggregatesRepository.js';
import { ConversationsRepository } from '../../src/features/survey/storage/conversationsRepository.js';
import { InvitationsRepository } from '../../src/features/invitations/storage/invitationsRepository.js';
import type { Delta } from '../../src/features/scores/domain/aggregateDelta.js';
import type { ConversationAddress } from '../../src/ports/messages.js';
import type { Understanding } from '../../src/understanding/types.js';

/**
 * The one cache policy, end to end: two instances of the repositories (as two bot processes would have)
 * on one real Azurite, each with a cache clock moved by hand. An instance sees its own writes at once and
 * another's within the cache's age — never later.
 */
describe('repository caches (two instances, real Azurite)', () => {
  let azurite: EmbeddedAzurite;
  let ms = 0;
  let a: TableStore;
  let b: TableStore;
  before(async () => {
    azurite = await freshAccount();
    a = new TableStore(azurite.connectionString, undefined, () => ms);
    b = new TableStore(azurite.connectionString, undefined, () => ms);
  });
  after(async () => azurite?.stop());

  const delta = (term: string, row: string, by: number): Delta => new Map([[term, new Map([[row, { n: by }]])]]);

  it('term counters: its own write at once, the other instance’s within 5 s', async () => {
    const [ra, rb] = [new AggregatesRepository(a), new AggregatesRepository(b)];
    const n = async (repo: AggregatesRepository) => (await repo.read(['t1'])).get('t1')!.get('pc~voice')?.n ?? 0;
    expect(await n(ra)).to.equal(0);
    await ra.apply('op-1', delta('t1', 'pc~voice', 2), 0);
    expect(await n(ra), 'own write, at once').to.equal(2);
    await rb.apply('op-2', delta('t1', 'pc~voice', 3), 1);
    expect(await n(rb)).to.equal(5);
    ms += 4_000;
    expect(await n(ra), 'the other instance’s write, within the age: not yet').to.equal(2);
    ms += 1_001;
    expect(await n(ra), 'after 5 s').to.equal(5);
  });

  it('counter rows: a stale copy of another instance’s row costs a conflict, never a lost increment', async () => {
    const [ra, rb] = [new AggregatesRepository(a), new AggregatesRepository(b)];
    await ra.apply('op-3', delta('t2', 'cyp~safe', 1), 0);
    await rb.apply('op-4', delta('t2', 'cyp~safe', 1), 0); // same shard: A's copy of the row is now stale
    await ra.apply('op-5', delta('t2', 'cyp~safe', 1), 0);
    ms += 10_000;
    expect((await ra.readTerms(['t2'])).get('t2')!.get('cyp~safe')?.n).to.equal(3);
  });

  it('invitations: a revoke elsewhere shows within 30 s, and at once to a fresh read', async () => {
    const [ia, ib] = [new InvitationsRepository(a), new InvitationsRepository(b)];
    const invitation = {
      code: 'CACH-EAAA-22',
      reviewRef: 'CA-1001',
      role: 'pc' as const,
      term: '2026-27-autumn',
      createdAt: '2026-11-01T00:00:00.000Z',
      expiresAt: '2027-01-01T00:00:00.000Z',
      createdBy: 'staff-1',
    };
    expect(await ia.tryCreate(invitation)).to.equal(true);
    expect((await ib.get(invitation.code))?.revokedAt).to.equal(undefined);
    await ia.revoke(invitation.code, '2026-11-02T00:00:00.000Z');
    expect((await ia.get(invitation.code))?.revokedAt, 'own write, at once').to.equal('2026-11-02T00:00:00.000Z');
    expect((await ib.get(invitation.code))?.revokedAt, 'B within its 30 s: not yet').to.equal(undefined);
    expect((await ib.getFresh(invitation.code))?.revokedAt, 'B, reading fresh').to.equal('2026-11-02T00:00:00.000Z');
    await ia.delete(invitation.code);
    ms += 30_001;
    expect(await ib.get(invitation.code), 'gone, after 30 s').to.equal(undefined);
  });

  it('bindings: "no binding" is never kept, so a bind on the other instance shows at once', async () => {
    const [ca, cb] = [new ConversationsRepository(a), new ConversationsRepository(b)];
    expect(await ca.boundCode('chat-1')).to.equal(undefined);
    await cb.bind('chat-1', 'CODE-AAAA-22', new Date('2026-11-22T10:00:00Z'));
    expect(await ca.boundCode('chat-1')).to.equal('CODE-AAAA-22');
  });

  it('last questions: the same question again writes nothing; a new one is seen elsewhere within 60 s', async () => {
    const [ca, cb] = [new ConversationsRepository(a), new ConversationsRepository(b)];
    const voice: Understanding = {
      intent: 'scores',
      outcome: 'voice',
      roles: ['pc'],
      terms: [{ kind: 'current' }],
      perQuestion: false,
    };
    const safe: Understanding = { ...voice, outcome: 'safe' };
    const stamp = async () => {
      const pk = 'chat-q';
      const e = await (await a.table('conversations')).getEntity<{ at: string }>(pk, `${pk}~question`);
      return e.at;
    };
    await ca.rememberQuestion('chat-q', voice, new Date('2026-11-22T10:00:00Z'));
    await ca.rememberQuestion('chat-q', voice, new Date('2026-11-22T10:00:30Z'));
    expect(await stamp(), 'the same question within a minute: not written').to.equal('2026-11-22T10:00:00.000Z');
    const since = new Date('2026-11-22T09:40:00Z');
    expect(await cb.lastQuestion('chat-q', since)).to.deep.equal(voice);
    await ca.rememberQuestion('chat-q', safe, new Date('2026-11-22T10:01:00Z'));
    expect(await ca.lastQuestion('chat-q', since), 'own write, at once').to.deep.equal(safe);
    expect(await cb.lastQuestion('chat-q', since), 'the other instance, within its 60 s').to.deep.equal(voice);
    ms += 60_001;
    expect(await cb.lastQuestion('chat-q', since)).to.deep.equal(safe);
    expect(await cb.lastQuestion('chat-q', new Date('2026-11-22T10:31:01Z')), 'older than asked for').to.equal(
      undefined,
    );
  });

  it('addresses: a chat seen again is written once a day, at once when it changed, and again an hour after it went elsewhere', async () => {
    const [ba, bb] = [new AddressBookRepository(a), new AddressBookRepository(b)];
    const address: ConversationAddress = {
      conversationId: 'a:staff-chat',
      serviceUrl: 'https://smba.example/uk/',
      channelId: 'msteams',
      conversationType: 'personal',
      tenantId: 'tenant-1',
    };
    const stamp = async () => (await bb.get(address.conversationId))?.updatedAt;
    await ba.save(address, new Date('2026-11-22T09:00:00Z'), { unlessRecent: true });
    expect(await stamp()).to.equal('2026-11-22T09:00:00.000Z');
    await ba.save(address, new Date('2026-11-22T15:00:00Z'), { unlessRecent: true });
    expect(await stamp(), 'seen again the same day: not written').to.equal('2026-11-22T09:00:00.000Z');
    await ba.save({ ...address, serviceUrl: 'https://smba.example/emea/' }, new Date('2026-11-22T15:01:00Z'), {
      unlessRecent: true,
    });
    expect(await stamp(), 'a changed address: written at once').to.equal('2026-11-22T15:01:00.000Z');
    await ba.save(address, new Date('2026-11-23T16:00:00Z'), { unlessRecent: true });
    expect(await stamp(), 'a day later: written').to.equal('2026-11-23T16:00:00.000Z');

    await bb.markGone(address.conversationId, 'blocked', new Date('2026-11-23T16:05:00Z'));
    await ba.save(address, new Date('2026-11-23T16:10:00Z'), { unlessRecent: true });
    expect((await bb.get(address.conversationId))?.status, 'A still holds its copy').to.equal('gone');
    ms += 3_600_001;
    await ba.save(address, new Date('2026-11-23T17:11:00Z'), { unlessRecent: true });
    expect((await bb.get(address.conversationId))?.status, 'an hour on, A reads and writes').to.equal('active');
  });
});
