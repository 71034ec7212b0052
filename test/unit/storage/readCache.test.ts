import { expect } from 'chai';
import { ReadCache } from '../../../src/storage/readCache.js';

/** A cache on a clock moved by hand, with a loader that counts its reads. */
function setup(options: { maxEntries?: number; maxAgeMs?: number; keepMissing?: boolean } = {}) {
  let now = 0;
  const stored = new Map<string, string | undefined>();
  let reads = 0;
  const cache = new ReadCache<string | undefined>({
    maxEntries: options.maxEntries ?? 10,
    maxAgeMs: options.maxAgeMs ?? 1_000,
    keepMissing: options.keepMissing,
    now: () => now,
  });
  const load = (key: string) => async () => {
    reads++;
    return stored.get(key);
  };
  return {
    cache,
    stored,
    load,
    get: (key: string, opts?: { fresh?: boolean }) => cache.get(key, load(key), opts),
    reads: () => reads,
    advance: (ms: number) => (now += ms),
  };
}

describe('ReadCache: the one cache policy of the repositories', () => {
  it('serves a copy until it is older than maxAgeMs, then reads again', async () => {
    const t = setup({ maxAgeMs: 1_000 });
    t.stored.set('a', 'one');
    expect(await t.get('a')).to.equal('one');
    t.stored.set('a', 'two'); // another instance wrote
    t.advance(1_000);
    expect(await t.get('a'), 'still within its age').to.equal('one');
    t.advance(1);
    expect(await t.get('a'), 'too old: read again').to.equal('two');
    expect(t.reads()).to.equal(2);
  });

  it('holds exactly what this instance wrote, or nothing after forget', async () => {
    const t = setup();
    t.stored.set('a', 'one');
    await t.get('a');
    t.cache.wrote('a', 'mine');
    expect(await t.get('a')).to.equal('mine');
    expect(t.reads()).to.equal(1);
    t.cache.forget('a');
    t.stored.set('a', 'theirs');
    expect(await t.get('a')).to.equal('theirs');
    expect(t.reads()).to.equal(2);
  });

  it('does not keep a read that was under way while this instance wrote', async () => {
    const t = setup();
    t.stored.set('a', 'old');
    let release!: () => void;
    const slow = t.cache.get('a', async () => {
      const value = t.stored.get('a');
      await new Promise<void>((r) => (release = r));
      return value;
    });
    await Promise.resolve();
    t.cache.wrote('a', 'new');
    release();
    expect(await slow, 'the read returns what it read').to.equal('old');
    expect(await t.get('a'), 'but the write is what is kept').to.equal('new');
  });

  it('reads past the copy when asked for a fresh value, and keeps the fresh one', async () => {
    const t = setup();
    t.stored.set('a', 'one');
    await t.get('a');
    t.stored.set('a', 'two');
    expect(await t.get('a', { fresh: true })).to.equal('two');
    expect(await t.get('a')).to.equal('two');
    expect(t.reads()).to.equal(2);
  });

  it('asks again for something missing unless told to keep absence', async () => {
    const asking = setup();
    await asking.get('x');
    await asking.get('x');
    expect(asking.reads()).to.equal(2);
    const keeping = setup({ keepMissing: true });
    await keeping.get('x');
    await keeping.get('x');
    expect(keeping.reads()).to.equal(1);
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const t = setup({ maxEntries: 2 });
    for (const k of ['a', 'b', 'c']) t.stored.set(k, k);
    await t.get('a');
    await t.get('b');
    await t.get('a'); // a is now the most recently used
    await t.get('c'); // b goes
    expect(t.reads()).to.equal(3);
    await t.get('a');
    expect(t.reads(), 'a kept').to.equal(3);
    await t.get('b');
    expect(t.reads(), 'b dropped').to.equal(4);
  });

  it('reads several keys with one load of only those it needs', async () => {
    const t = setup();
    const asked: string[][] = [];
    const loadMany = async (keys: string[]) => (asked.push(keys), new Map(keys.map((k) => [k, `v${k}`])));
    await t.cache.getMany(['1', '2'], loadMany);
    t.cache.forget('2');
    const got = await t.cache.getMany(['1', '2', '3'], loadMany);
    expect(asked).to.deep.equal([
      ['1', '2'],
      ['2', '3'],
    ]);
    expect([...got.entries()]).to.deep.equal([
      ['1', 'v1'],
      ['2', 'v2'],
      ['3', 'v3'],
    ]);
  });

  it('after forgetAll reads everything again, and drops a read that overlapped it', async () => {
    const t = setup();
    t.stored.set('a', 'one');
    await t.get('a');
    let release!: () => void;
    const slow = t.cache.get('b', async () => (await new Promise<void>((r) => (release = r)), 'stale'));
    await Promise.resolve();
    t.cache.forgetAll();
    release();
    await slow;
    t.stored.set('b', 'fresh');
    expect(await t.get('b')).to.equal('fresh');
    expect(await t.get('a')).to.equal('one');
    expect(t.reads()).to.equal(3);
  });
});
