import { expect } from 'chai';
import sinon from 'sinon';
import type { Job } from '../../../src/jobs/job.js';
import { JobRunner } from '../../../src/jobs/jobRunner.js';

/** A logger that keeps what it is told. */
function recordingLogger() {
  const lines: { level: string; fields: unknown; message: string }[] = [];
  const at = (level: string) => (fields: unknown, message?: string) =>
    void lines.push({ level, fields, message: message ?? String(fields) });
  return { lines, logger: { info: at('info'), debug: at('debug'), error: at('error') } as never };
}

/** A run that finishes only when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('the job runner', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now: Date.parse('2026-11-02T10:00:00Z') })));
  afterEach(() => clock.restore());

  it('never starts a job again while its last run is still going', async () => {
    const { logger } = recordingLogger();
    let started = 0;
    const slow = gate();
    const job: Job = { name: 'slow', every: 1_000, run: async () => (started++, await slow.opened, { detail: {} }) };
    const runner = new JobRunner([job], logger);
    runner.start();
    await clock.tickAsync(3_500);
    expect(started).to.equal(1);
    expect(runner.busy()).to.deep.equal(['slow']);
    slow.open();
    await clock.tickAsync(1_000);
    expect(started).to.equal(2);
    await runner.stop();
  });

  it('logs a failed run and still runs the job at its next time', async () => {
    const { lines, logger } = recordingLogger();
    let runs = 0;
    const job: Job = {
      name: 'flaky',
      every: 60_000,
      run: async () => {
        if (++runs === 1) throw new Error('storage unavailable');
        return { note: 'flaky did something', detail: { runs } };
      },
    };
    const runner = new JobRunner([job], logger);
    runner.start();
    await clock.tickAsync(60_000);
    expect(lines.filter((l) => l.level === 'error').map((l) => l.message)).to.deep.equal(['flaky failed']);
    await clock.tickAsync(60_000);
    expect(runs).to.equal(2);
    expect(lines.filter((l) => l.level === 'info')).to.deep.equal([
      { level: 'info', fields: { runs: 2 }, message: 'flaky did something' },
    ]);
    await runner.stop();
  });

  it('on stop, clears the timers and waits for the run in progress', async () => {
    const { logger } = recordingLogger();
    let runs = 0;
    const slow = gate();
    const job: Job = { name: 'slow', every: 1_000, run: async () => (runs++, await slow.opened, { detail: {} }) };
    const runner = new JobRunner([job], logger);
    runner.start();
    await clock.tickAsync(1_000);
    let stopped: string | undefined;
    const stopping = runner.stop().then((how) => (stopped = how));
    await clock.tickAsync(5_000);
    expect(stopped, 'still waiting for the run').to.equal(undefined);
    slow.open();
    await stopping;
    expect(stopped).to.equal('finished');
    await clock.tickAsync(10_000);
    expect(runs, 'no run after the stop').to.equal(1);
  });

  it('gives up waiting at the deadline', async () => {
    const { logger } = recordingLogger();
    const job: Job = { name: 'stuck', every: 1_000, run: () => new Promise(() => undefined) };
    const runner = new JobRunner([job], logger);
    runner.start();
    await clock.tickAsync(1_000);
    const stopping = runner.stop(10_000);
    await clock.tickAsync(10_000);
    expect(await stopping).to.equal('deadline');
  });

  it('runs a cron job at its times (UTC) and a first run shortly after start', async () => {
    const { logger } = recordingLogger();
    const at: string[] = [];
    const job: Job = {
      name: 'hourly at :07',
      cron: '7 * * * *',
      firstRunAfter: 30_000,
      run: async () => (at.push(new Date().toISOString().slice(11, 19)), { detail: {} }),
    };
    const runner = new JobRunner([job], logger);
    runner.start();
    await clock.tickAsync(2 * 3600_000);
    expect(at).to.deep.equal(['10:00:30', '10:07:00', '11:07:00']);
    await runner.stop();
  });
});
