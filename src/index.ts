// First: telemetry, when configured, must hook modules before the rest of the bot loads them.
import { stopTelemetry } from './telemetry/register.js';
import { ConfigError, loadConfig, redactedSummary } from './config/config.js';
import { createLogger } from './config/logger.js';
import { buildHttpApp, buildServices, directLineSetup, readinessOf } from './composition.js';
import { startLocalDirectLine, type LocalDirectLine } from './http/localDirectLine.js';
import { listen } from './http/server.js';
import { drainServer, type Readiness } from './http/readiness.js';
import type { Server } from 'restify';
import { openStorage } from './storage/storageTarget.js';
import { loadDemoDataInBackground } from './demo/demoData.js';
import { scheduleTermEndDigests } from './features/digests/digestSchedule.js';
import { FAILED_CODE_WINDOW_MS } from './features/survey/surveyService.js';

/** Composition root: read config, start storage, wire the bot, serve, and shut down cleanly. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  logger.info({ config: redactedSummary(config) }, 'starting');

  // Signals are handled from the start: a stop asked for while starting still runs what was set up so far,
  // newest first — above all it asks the embedded Azurite to save.
  const cleanups: { name: string; run: () => Promise<unknown> | unknown }[] = [];
  let stopping = false;
  let serving: { server: Server; readiness: Readiness } | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // First the requests already taken: not ready (so the platform stops routing here), no new connections,
    // and each request in flight answered before anything it needs is stopped.
    if (serving) {
      serving.readiness.beginShutdown();
      const how = await drainServer(serving.server);
      logger.info({ how }, how === 'drained' ? 'requests in flight answered' : 'requests open at the deadline closed');
    }
    for (const { name, run } of cleanups.reverse()) {
      try {
        await run();
      } catch (error) {
        logger.error({ err: error }, `${name} failed while stopping`);
      }
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Run last (cleanups run newest first), so the telemetry of the stop itself is sent too.
  cleanups.push({ name: 'flushing telemetry', run: stopTelemetry });

  const storage = await openStorage(config.storage, { onProgress: (event, detail) => logger.info(detail, event) });
  const azurite = storage.azurite;
  if (azurite && config.storage.kind === 'embedded') {
    cleanups.push({
      name: 'stopping Azurite',
      run: async () => {
        const result = await azurite.stop();
        logger.info({ result }, result === 'saved' ? 'Azurite saved and stopped' : 'Azurite had to be stopped');
      },
    });
    logger.info(
      { port: azurite.port, dataDir: config.storage.dataDir, attached: azurite.attached, replayed: azurite.replayed },
      'embedded Azurite table storage is ready',
    );
  }

  const services = buildServices(config, storage.target, undefined, storage.redo, logger);
  cleanups.push({ name: 'flushing the journal', run: () => services.journal.flush() });
  await services.store.ping();
  // The bot takes its own port first: the local Direct Line listens on any free port, which could
  // otherwise be the one the bot was told to use.
  let localDirectLine: LocalDirectLine | undefined;
  const readiness = readinessOf(services);
  const server = buildHttpApp(
    config,
    services,
    logger,
    directLineSetup(config, () => localDirectLine),
    readiness,
  );
  await listen(server, config.port, config.listenHost);
  serving = { server, readiness };
  if (!config.directLineSecret) {
    const directLine = await startLocalDirectLine(`http://127.0.0.1:${config.port}/api/messages`, {
      onError: (error) => logger.warn({ err: error }, 'local Direct Line could not reach the bot'),
    });
    localDirectLine = directLine;
    cleanups.push({ name: 'closing the local Direct Line', run: () => directLine.close() });
  }

  // Finish operations a crash interrupted; once an hour, drop aggregate receipts older than a day and
  // conversation rows no invitation can use any more.
  // Periodic work still running when the bot stops is awaited (up to a deadline), not cut off mid-write.
  const running = new Set<Promise<unknown>>();
  const track = <T>(job: Promise<T>): Promise<T> => {
    running.add(job);
    const done = () => running.delete(job);
    job.then(done, done);
    return job;
  };
  let sweeps = 0;
  const sweep = setInterval(() => {
    track(services.respondents.sweep()).catch((error: unknown) => logger.warn({ err: error }, 'sweep failed'));
    if (++sweeps % 60 === 0) {
      track(services.aggregates.pruneReceipts(24 * 3600_000)).catch((error: unknown) =>
        logger.warn({ err: error }, 'pruning receipts failed'),
      );
      track(
        services.conversations.prune(services.clock.now(), {
          failureWindowMs: FAILED_CODE_WINDOW_MS,
          bindingMaxAgeMs: (config.invitationTtlDays + 1) * 86_400_000,
        }),
      ).catch((error: unknown) => logger.warn({ err: error }, 'pruning conversations failed'));
    }
  }, 60_000);
  sweep.unref();

  // Term-end digests: checked hourly (and once shortly after start, so a restart on the day still sends).
  const runDigests = async () => {
    const result = await track(services.digests.runDue());
    if ('report' in result)
      logger.info({ digestId: result.digestId, report: result.report.text }, 'term-end digest run');
  };
  const digestSchedule = scheduleTermEndDigests(runDigests, (error) =>
    logger.error({ err: error }, 'term-end digest run failed'),
  );
  const firstDigestCheck = setTimeout(
    () => runDigests().catch((error: unknown) => logger.error({ err: error }, 'term-end digest run failed')),
    30_000,
  );
  firstDigestCheck.unref();

  // Worry alerts: sent at once when a family saves; this sends any a restart interrupted and escalates
  // those nobody acknowledged within a working day. Every instance may run it: each alert is ETag-claimed.
  const worryRun = setInterval(() => {
    track(services.worries.run())
      .then((r) => {
        if (r.sent + r.escalated > 0) logger.info(r, 'worry alerts sent or escalated');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'worry alert run failed'));
  }, 60_000);
  worryRun.unref();

  cleanups.push({
    name: 'stopping the timers',
    run: async () => {
      clearInterval(sweep);
      clearInterval(worryRun);
      clearTimeout(firstDigestCheck);
      digestSchedule.stop();
      await Promise.race([Promise.allSettled(running), new Promise((r) => setTimeout(r, 10_000).unref())]);
    },
  });

  // Last, once everything is up: tests and operators take this line to mean the bot is ready.
  if (localDirectLine)
    logger.info(
      `local Direct Line for the family page on ${localDirectLine.endpoint}; family links look like ${config.publicBaseUrl}/survey/<code>`,
    );
  logger.info(`bot listening on http://localhost:${config.port}/api/messages`);
  // After listening: the demo data takes tens of seconds to load, and a newcomer can chat meanwhile.
  if (config.loadDemoData) void loadDemoDataInBackground(services, logger);
}

main().catch((error: unknown) => {
  console.error('The bot could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
