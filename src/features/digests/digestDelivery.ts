import type { SendOutcome } from './domain/sendOutcome.js';
import type { Claim, DigestLedger } from './digestStores.js';
import { backoffMs, SendPacer } from './sendPacer.js';

export type DeliveryOptions = {
  concurrency: number;
  perSecond: number;
  /** Retries of a 5xx or network error before the send is recorded as failed. */
  maxTransientRetries: number;
  /** 429s tolerated for one conversation before it is recorded as failed (the run is paused each time). */
  maxThrottles: number;
  /** Longest Retry-After honoured; a longer one is cut to this (and logged by the caller via the report). */
  maxRetryAfterMs: number;
};
export const DEFAULT_DELIVERY: DeliveryOptions = {
  concurrency: 4,
  perSecond: 20,
  maxTransientRetries: 3,
  maxThrottles: 6,
  maxRetryAfterMs: 60_000,
};

export type DeliveryRun = {
  digestId: string;
  conversationIds: readonly string[];
  send: (conversationId: string) => Promise<SendOutcome>;
  ledger: DigestLedger;
  instance: string;
  onGone?: (conversationId: string, status: 403 | 404) => Promise<void>;
  options?: Partial<DeliveryOptions>;
  clock?: { now(): number; sleep(ms: number): Promise<void>; random(): number };
};

export type DeliveryTally = {
  attempted: number;
  sent: number;
  gone: number;
  failed: number;
  skipped: number;
  throttled: number;
  retried: number;
  errors: string[];
};

const realClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  random: Math.random,
};

/**
 * Sends one digest to many conversations: each is claimed in the ledger first (so no instance sends it
 * twice), paced under Teams' rate, retried on 429 (Retry-After, else back-off with jitter, pausing the
 * whole run) and on 5xx (a bounded number of times), and never retried on 403/404.
 */
export async function deliverDigest(run: DeliveryRun): Promise<DeliveryTally> {
  const o = { ...DEFAULT_DELIVERY, ...run.options };
  const clock = run.clock ?? realClock;
  const pacer = new SendPacer(o.perSecond, Math.max(1, o.concurrency), clock);
  const tally: DeliveryTally = {
    attempted: 0,
    sent: 0,
    gone: 0,
    failed: 0,
    skipped: 0,
    throttled: 0,
    retried: 0,
    errors: [],
  };
  const queue = [...run.conversationIds];
  const at = () => new Date(clock.now());

  async function deliverOne(conversationId: string): Promise<void> {
    let claim: Claim | undefined = await run.ledger.claim(run.digestId, conversationId, run.instance, at());
    if (!claim) {
      tally.skipped++;
      return;
    }
    tally.attempted++;
    let transient = 0;
    let throttles = 0;
    for (;;) {
      await pacer.take();
      claim = await run.ledger.move(run.digestId, claim, 'sending', at(), { attempt: true });
      const outcome = await run.send(conversationId).catch((error: unknown): SendOutcome => ({
        kind: 'failed',
        reason: error instanceof Error ? error.message : String(error),
      }));
      switch (outcome.kind) {
        case 'sent':
          await run.ledger.move(
            run.digestId,
            claim,
            'sent',
            at(),
            outcome.activityId ? { detail: `activity ${outcome.activityId}` } : {},
          );
          tally.sent++;
          // The channel's limit counts messages: a digest carried by several pays for each before the next send.
          for (let m = 1; m < (outcome.messages ?? 1); m++) await pacer.take();
          return;
        case 'gone':
          await run.ledger.move(run.digestId, claim, 'gone', at(), {
            status: outcome.status,
            detail: outcome.status === 403 ? 'blocked or uninstalled' : 'conversation not found',
          });
          await run.onGone?.(conversationId, outcome.status);
          tally.gone++;
          return;
        case 'failed':
          await run.ledger.move(run.digestId, claim, 'failed', at(), {
            ...(outcome.status ? { status: outcome.status } : {}),
            detail: outcome.reason,
          });
          tally.failed++;
          return;
        case 'throttled': {
          tally.throttled++;
          if (++throttles > o.maxThrottles) {
            await run.ledger.move(run.digestId, claim, 'failed', at(), {
              status: 429,
              detail: `still throttled after ${o.maxThrottles} waits`,
            });
            tally.failed++;
            return;
          }
          const wait =
            outcome.retryAfterMs !== undefined
              ? Math.min(outcome.retryAfterMs, o.maxRetryAfterMs)
              : backoffMs(throttles, 1_000, 30_000, clock.random);
          pacer.pause(wait);
          claim = await run.ledger.move(run.digestId, claim, 'claimed', at(), { status: 429 });
          tally.retried++;
          continue;
        }
        case 'transient': {
          if (++transient > o.maxTransientRetries) {
            await run.ledger.move(run.digestId, claim, 'failed', at(), {
              status: outcome.status,
              detail: `HTTP ${outcome.status || 'network error'} after ${o.maxTransientRetries} retries`,
            });
            tally.failed++;
            return;
          }
          claim = await run.ledger.move(run.digestId, claim, 'claimed', at(), { status: outcome.status });
          tally.retried++;
          await clock.sleep(backoffMs(transient, 500, 10_000, clock.random));
          continue;
        }
      }
    }
  }

  const workers = Array.from({ length: Math.min(o.concurrency, queue.length) }, async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      // A storage error for one conversation must not stop the others; its ledger row is left claimed or
      // sending, so a later run resumes it (or reports it uncertain).
      await deliverOne(next).catch((error: unknown) => {
        tally.errors.push(`${next}: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
  });
  await Promise.all(workers);
  return tally;
}
