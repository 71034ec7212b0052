import { loadConfig, ConfigError, type Config } from '../config/config.js';
import { createLogger, type Logger } from '../config/logger.js';
import { composeServices, type Core } from '../composeServices.js';
import { openStorage } from '../storage/storageTarget.js';

/**
 * Opens the same store the bot uses, for a command-line tool: the configured account, or the embedded
 * Azurite under DATA_DIR (attaching to the running bot's, or starting one for the duration of the command).
 */
export async function withServices<T>(work: (product: Core, config: Config, logger: Logger) => Promise<T>): Promise<T> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = createLogger('warn', 'cli');
  const storage = await openStorage(config.storage);
  try {
    const product = composeServices(config, storage);
    await product.store.ping();
    return await work(product, config, logger);
  } finally {
    await storage.azurite?.stop();
  }
}

export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** Runs a CLI main, printing a readable message (never a stack trace) on failure. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
