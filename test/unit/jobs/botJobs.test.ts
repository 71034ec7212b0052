import { expect } from 'chai';
import sinon from 'sinon';
import * as jobs from '../../../src/jobs/botJobs.js';
import type { Job } from '../../../src/jobs/job.js';
import { JobRunner } from '../../../src/jobs/jobRunner.js';

const quiet = { info: () => undefined, debug: () => undefined, error: () => undefined } as never;

/** Starts one job under the runner on a fake clock, runs the clock for `ms`, and stops it. */
async function runFor(job: Job, ms: number, clock: sinon.SinonFakeTimers): Promise<void> {
  const runner = new JobRunner([job], quiet);
  runner.start();
  await clock.tickAsync(ms);
  await runner.stop();
}

describe("the bot's jobs", () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now: Date.parse('2026-11-02T10:00:00Z') })));
  afterEach(() => clock.restore());

  describe('respondent sweep', () => {
    it('finishes interrupted saves every minute', async () => {
      const sweep = sinon.stub().resolves(2);
      const job = jobs.respondentSweepJob({ sweep });
      await runFor(job, 5 * 60_000, clock);
      expect(sweep.callCount).to.equal(5);
      expect(await job.run()).to.deep.equal({ detail: { finished: 2 } });
    });
  });

  describe('receipt pruning', () => {
    it('drops receipts older than a day, once an hour', async () => {
      const pruneReceipts = sinon.stub().resolves(7);
      const job = jobs.receiptPruningJob({ pruneReceipts });
      await runFor(job, 3 * 3600_000 - 1, clock);
      expect(pruneReceipts.callCount).to.equal(2);
      expect(pruneReceipts.firstCall.args).to.deep.equal([24 * 3600_000]);
    });
  });

  describe('conversation pruning', () => {
    it('prunes hourly at the time it runs, with the windows it was given', async () => {
      const prune = sinon.stub().resolves({ removed: 3 });
      const opts = { failureWindowMs: 3600_000, bindingMaxAgeMs: 29 * 86_400_000 };
      const job = jobs.conversationPruningJob({ prune }, { now: () => new Date() }, opts);
      await runFor(job, 3600_000, clock);
      expect(prune.callCount).to.equal(1);
      expect(prune.firstCall.args).to.deep.equal([new Date('2026-11-02T11:00:00Z'), opts]);
      expect(await job.run()).to.deep.equal({ detail: { removed: 3 } });
    });
  });

  describe('worry alert run', () => {
    it('runs every minute, and says so only when something was sent or escalated', async () => {
      const outcomes = [
        { sent: 0, escalated: 0, raised: 0, dropped: 0 },
        { sent: 1, escalated: 0, raised: 0, dropped: 0 },
      ];
      const run = sinon
        .stub()
        .callsFake(async () => outcomes.shift() ?? { sent: 0, escalated: 0, raised: 0, dropped: 0 });
      const job = jobs.worryAlertsJob({ run });
      expect((await job.run()).note).to.equal(undefined);
      expect((await job.run()).note).to.equal('worry alerts sent or escalated');
      await runFor(job, 3 * 60_000, clock);
      expect(run.callCount).to.equal(5);
    });
  });

  describe('family reminder run', () => {
    const quietRun = {
      quiet: true,
      due: 0,
      sent: 0,
      refused: 0,
      uncertain: 0,
      skipped: 0,
      stopped: {},
      throttled: 0,
      retried: 0,
      leftForLater: 0,
      notAuthorised: false,
      errors: [],
    };
    it('runs 10 s after start and then every minute, and says so when it sent or met a problem', async () => {
      const run = sinon.stub().resolves(quietRun);
      const job = jobs.familyRemindersJob({ run });
      await runFor(job, 3 * 60_000, clock);
      expect(run.callCount).to.equal(4); // 10:00:10, 10:01, 10:02, 10:03
      expect((await job.run()).note).to.equal(undefined);
      run.resolves({ ...quietRun, quiet: false, due: 2, sent: 2 });
      expect(await job.run()).to.deep.include({ note: 'family reminders sent' });
      run.resolves({ ...quietRun, quiet: false, due: 2, notAuthorised: true, errors: ['x'] });
      const stopped = await job.run();
      expect(stopped.note).to.match(/did not accept the API key/);
      expect(stopped.detail.errors).to.equal(1); // counted, never the errors' words in the log line
    });
  });

  describe('term-end digest run', () => {
    it('checks 30 s after start and every hour at minute 7, and reports a run that sent', async () => {
      const runDue = sinon.stub().resolves({ digestId: undefined, reason: 'No term-end digest is due.' });
      const job = jobs.termEndDigestsJob({ runDue });
      await runFor(job, 2 * 3600_000, clock);
      expect(runDue.callCount).to.equal(3); // 10:00:30, 10:07, 11:07
      runDue.resolves({ digestId: 'term-2026-27-autumn', report: { text: 'digest 2026-27 Autumn: sent 4' } });
      expect(await job.run()).to.deep.equal({
        note: 'term-end digest run',
        detail: { digestId: 'term-2026-27-autumn', report: 'digest 2026-27 Autumn: sent 4' },
      });
    });
  });

  describe('forgetting staff who left', () => {
    it('runs a minute after start and then hourly, with the role lookup it was given, and says when it forgot someone', async () => {
      const forgetStaffWhoLeft = sinon.stub().resolves({ kept: 3, forgotten: 0 });
      const roles = { rolesOf: async () => [] };
      const job = jobs.staffWhoLeftJob({ forgetStaffWhoLeft }, roles);
      await runFor(job, 2 * 3600_000, clock);
      expect(forgetStaffWhoLeft.callCount).to.equal(3); // 10:01, 11:00, 12:00
      expect(forgetStaffWhoLeft.firstCall.args).to.deep.equal([roles]);
      expect((await job.run()).note).to.equal(undefined);
      forgetStaffWhoLeft.resolves({ kept: 2, forgotten: 1 });
      expect(await job.run()).to.deep.equal({ note: 'staff who left forgotten', detail: { kept: 2, forgotten: 1 } });
    });
  });
});
