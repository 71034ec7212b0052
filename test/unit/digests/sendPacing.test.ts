import { expect } from 'chai';
import { deliverDigest } from '../../../src/features/digests/digestDelivery.js';
import { backoffMs, SendPacer } from '../../../src/features/digests/sendPacer.js';
import { InMemoryLedger } from '../../support/fakes/inMemoryStores.js';
import { outcomeOfStatus, retryAfterMs } from '../../../src/features/digests/domain/sendOutcome.js';

/** A clock that only moves when someone sleeps: pacing is checked exactly, without waiting. */
function virtualClock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe('pacing proactive sends', () => {
  it('lets through at most the configured rate once the burst is spent', async () => {
    const clock = virtualClock();
    const pacer = new SendPacer(10, 4, clock);
    const times: number[] = [];
    for (let i = 0; i < 44; i++) {
      await pacer.take();
      times.push(clock.now());
    }
    // 4 at once, then one every 100 ms: 40 more take 4 s.
    expect(times.slice(0, 4)).to.deep.equal([0, 0, 0, 0]);
    expect(times.at(-1)).to.be.within(3_990, 4_010);
  });

  it('holds every sender during a pause (a 429) and restarts without a burst', async () => {
    const clock = virtualClock();
    const pacer = new SendPacer(10, 4, clock);
    await pacer.take();
    pacer.pause(2_000);
    await pacer.take();
    expect(clock.now()).to.be.at.least(2_000);
    const afterPause = clock.now();
    await pacer.take();
    expect(clock.now() - afterPause, 'the bucket was emptied: no burst straight after a 429').to.be.at.least(90);
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect(backoffMs(1, 1_000, 30_000, () => 0.999)).to.equal(1_998);
    expect(backoffMs(3, 1_000, 30_000, () => 0.5)).to.equal(4_000);
    expect(backoffMs(10, 1_000, 30_000, () => 0.999)).to.equal(29_970);
    expect(backoffMs(2, 1_000, 30_000, () => 0)).to.equal(0);
  });
});

describe('reading a send outcome from an HTTP answer', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  it('maps statuses to what the delivery run does', () => {
    expect(outcomeOfStatus(201)).to.deep.equal({ kind: 'sent' });
    expect(outcomeOfStatus(429, '3')).to.deep.equal({ kind: 'throttled', retryAfterMs: 3_000 });
    expect(outcomeOfStatus(429, null)).to.deep.equal({ kind: 'throttled' });
    expect(outcomeOfStatus(403)).to.deep.equal({ kind: 'gone', status: 403 });
    expect(outcomeOfStatus(404)).to.deep.equal({ kind: 'gone', status: 404 });
    expect(outcomeOfStatus(502)).to.deep.equal({ kind: 'transient', status: 502 });
    expect(outcomeOfStatus(undefined)).to.deep.equal({ kind: 'transient', status: 0 });
    expect(outcomeOfStatus(400)).to.deep.equal({ kind: 'failed', status: 400, reason: 'HTTP 400' });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('1.5', now)).to.equal(1_500);
    expect(retryAfterMs('Sun, 22 Nov 2026 12:00:10 GMT', now)).to.equal(10_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 11:00:00 GMT', now)).to.equal(0);
    expect(retryAfterMs('soon', now)).to.equal(undefined);
    expect(retryAfterMs(undefined, now)).to.equal(undefined);
  });
});

describe('delivering a digest that takes several messages', () => {
  it('paces by messages sent, not by sends: a two-message digest goes at half the sends per second', async () => {
    let now = 0;
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms), random: () => 0.5 };
    const conversations = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const run = (messages: number) =>
      deliverDigest({
        digestId: `d${messages}`,
        conversationIds: conversations,
        send: async () => ({ kind: 'sent', messages }),
        ledger: new InMemoryLedger(),
        instance: 'test',
        options: { perSecond: 10, concurrency: 1 },
        clock,
      });
    now = 0;
    expect((await run(1)).sent).to.equal(40);
    const oneMessage = now;
    now = 0;
    expect((await run(2)).sent).to.equal(40);
    const twoMessages = now;
    // 40 sends at 10 a second take about 4 s; 80 messages at 10 a second take about 8 s.
    expect(oneMessage).to.be.within(3_500, 4_500);
    expect(twoMessages).to.be.within(7_500, 8_500);
  });
});
