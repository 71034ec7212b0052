/**
 * Paces proactive sends for the whole run: a token bucket (at most `perSecond`, bursts up to `burst`)
 * and a shared pause. When Teams answers 429, every worker waits until the pause ends instead of each
 * retrying on its own, which is what turns one 429 into a storm.
 */
export class SendPacer {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly clock: { now(): number; sleep(ms: number): Promise<void> },
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }

  /** Resolves when the caller may send one message. */
  async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
    }
  }

  /** Stops every sender for `ms` (a 429's Retry-After or a back-off). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    // The bucket refills only from the end of the pause: the run restarts at its pace, not with a burst.
    this.tokens = 0;
    this.last = this.pausedUntil;
  }
}

/** Exponential back-off with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"). */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}
