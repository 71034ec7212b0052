/** What a run did: `note` when it is worth a line in the log at info level, `detail` always. */
export type JobSummary = { note?: string; detail: Record<string, unknown> };

/**
 * Periodic work, declared: its name (also the log's word for it), when it runs, and the run itself.
 * The runner (jobRunner.ts) starts, tracks and stops every job the same way.
 */
export type Job = {
  name: string;
  run(): Promise<JobSummary>;
  /** A first run this long after start, besides the schedule (milliseconds). */
  firstRunAfter?: number;
} & (
  | { /** Every so many milliseconds from start. */ every: number; cron?: never }
  | { /** At the times of a croner pattern, in UTC. */ cron: string; every?: never }
);

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
