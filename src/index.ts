// First: telemetry, when configured, must hook modules before the rest of the bot loads them.
import { stopTelemetry } from './telemetry/register.js';
import { ConfigError, loadConfig, redactedSummary } from './config/config.js';
import { createLogger } from './config/logger.js';
import { composeBot } from './compositionRoot.js';
import { directLineSetup } from './http/directLineSetup.js';
import { startLocalDirectLine, type LocalDirectLine } from './http/localDirectLine.js';
import { listen } from './http/server.js';
import { drainServer, type Readiness } from './http/readiness.js';
import type { Server } from 'restify';
import { openStorage } from './storage/storageTarget.js';
import { loadDemoDataInBackground } from './demo/demoData.js';

/** Starts the bot and stops it cleanly: read config, open storage, compose (compositionRoot.ts), serve, drain. */
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

  // The bot takes its own port first: the local Direct Line listens on any free port, which could
  // otherwise be the one the bot was told to use.
  let localDirectLine: LocalDirectLine | undefined;
  const bot = composeBot(config, logger, storage, { directLine: directLineSetup(config, () => localDirectLine) });
  cleanups.push({ name: 'flushing the journal', run: () => bot.stores.journal.flush() });
  await bot.store.ping();
  await listen(bot.server, config.port, config.listenHost);
  serving = { server: bot.server, readiness: bot.readiness };
  if (!config.directLineSecret) {
    const directLine = await startLocalDirectLine(`http://127.0.0.1:${config.port}/api/messages`, {
      onError: (error) => logger.warn({ err: error }, 'local Direct Line could not reach the bot'),
    });
    localDirectLine = directLine;
    cleanups.push({ name: 'closing the local Direct Line', run: () => directLine.close() });
  }

  // Periodic work still running when the bot stops is awaited (up to a deadline), not cut off mid-write.
  bot.jobs.start();
  cleanups.push({ name: 'stopping the jobs', run: () => bot.jobs.stop() });

  // Last, once everything is up: tests and operators take this line to mean the bot is ready.
  if (localDirectLine)
    logger.info(
      `local Direct Line for the family page on ${localDirectLine.endpoint}; family links look like ${config.publicBaseUrl}/survey/<code>`,
    );
  logger.info(`bot listening on http://localhost:${config.port}/api/messages`);
  // After listening: the demo data takes tens of seconds to load, and a newcomer can chat meanwhile.
  if (config.loadDemoData) void loadDemoDataInBackground(bot, logger);
}

main().catch((error: unknown) => {
  console.error('The bot could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
