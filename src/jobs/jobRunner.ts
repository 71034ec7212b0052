import { Cron } from 'croner';
import type { Logger } from '../config/logger.js';
import type { Job } from './job.js';

/** How long a stop waits for the runs in progress before it lets the process go on stopping. */
export const STOP_DEADLINE_MS = 10_000;

/**
 * Runs the declared jobs: each on its schedule, never overlapping with itself (a run still going when its
 * next is due makes that one a no-op), a failure logged and the next run held to the schedule as usual.
 * Stopping clears the timers and awaits the runs in progress up to a deadline, so periodic work is not
 * cut off mid-write by a stop.
 */
export class JobRunner {
  private readonly running = new Map<string, Promise<void>>();
  private timers: (() => void)[] = [];

  constructor(
    readonly jobs: readonly Job[],
    private readonly logger: Pick<Logger, 'info' | 'debug' | 'error'>,
  ) {}

  start(): void {
    for (const job of this.jobs) {
      const run = () => void this.runNow(job);
      if (job.cron !== undefined) {
        const cron = new Cron(job.cron, { timezone: 'UTC', unref: true }, run);
        this.timers.push(() => cron.stop());
      } else {
        const every = setInterval(run, job.every);
        every.unref();
        this.timers.push(() => clearInterval(every));
      }
      if (job.firstRunAfter !== undefined) {
        const first = setTimeout(run, job.firstRunAfter);
        first.unref();
        this.timers.push(() => clearTimeout(first));
      }
    }
  }

  /** The names of the jobs running now. */
  busy(): string[] {
    return [...this.running.keys()];
  }

  /** Runs a job now, unless it is running already (then resolves with that run). Never rejects. */
  runNow(job: Job): Promise<void> {
    const current = this.running.get(job.name);
    if (current) {
      this.logger.debug({ job: job.name }, `${job.name} still running; this run skipped`);
      return current;
    }
    const run = this.attempt(job).finally(() => this.running.delete(job.name));
    this.running.set(job.name, run);
    return run;
  }

  /** Stops the timers, then waits for the runs in progress: 'finished', or 'deadline' if they outlast it. */
  async stop(deadlineMs = STOP_DEADLINE_MS): Promise<'finished' | 'deadline'> {
    for (const clear of this.timers) clear();
    this.timers = [];
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), deadlineMs);
      timer.unref();
    });
    const finished = Promise.allSettled(this.running.values()).then(() => 'finished' as const);
    try {
      return await Promise.race([finished, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async attempt(job: Job): Promise<void> {
    try {
      const { note, detail } = await job.run();
      if (note) this.logger.info(detail, note);
      else this.logger.debug({ job: job.name, ...detail }, `${job.name} done`);
    } catch (error) {
      this.logger.error({ err: error, job: job.name }, `${job.name} failed`);
    }
  }
}
