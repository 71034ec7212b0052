import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError, type Config } from '../config/config.js';
import { createLogger, type Logger } from '../config/logger.js';
import { composeServices, type Core } from '../composeServices.js';
import { openStorage } from '../storage/storageTarget.js';

/** Where a command's lines go: process.stdout and process.stderr, or a test's own. */
export type CliStream = { write(text: string): unknown; isTTY?: boolean };

/**
 * What a command is given: its arguments (those after the script's name), the environment its configuration
 * is read from, and its two output streams. A command's process passes its own (processIo); a test may run the
 * same command in its process with its own (runMain), and read its exit code, output and errors.
 */
export type CliIo = { argv: readonly string[]; env: NodeJS.ProcessEnv; stdout: CliStream; stderr: CliStream };

/** A command: resolves to its exit code. */
export type CliMain = (io: CliIo) => Promise<number>;

export function processIo(): CliIo {
  return { argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr };
}

/** One line to each stream, as console.log and console.error would write it. */
export function lines(io: CliIo): { out(text: string): void; err(text: string): void } {
  return { out: (text) => void io.stdout.write(`${text}\n`), err: (text) => void io.stderr.write(`${text}\n`) };
}

/** Thrown by fail(): the command ends with this exit code, its message already written. */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit code ${exitCode}`);
  }
}

/**
 * Opens the same store the bot uses, for a command-line tool: the configured account, or the embedded
 * Azurite under DATA_DIR (attaching to the running bot's, or starting one for the duration of the command).
 */
export async function withServices<T>(
  io: CliIo,
  work: (product: Core, config: Config, logger: Logger) => Promise<T>,
): Promise<T> {
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(io, error.message);
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

/** Writes the message to stderr and ends the command with this exit code. */
export function fail(io: CliIo, message: string, code = 1): never {
  lines(io).err(message);
  throw new CliExit(code);
}

/** Runs a command to its exit code, writing a readable message (never a stack trace) on failure. */
export async function runMain(main: CliMain, io: CliIo): Promise<number> {
  try {
    return await main(io);
  } catch (error) {
    if (error instanceof CliExit) return error.exitCode;
    lines(io).err(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/**
 * Runs a command as its own process, when its module is the script node was started with (`npm run …`,
 * `tsx src/cli/<command>.ts`, `node dist/cli/<command>.js`); imported (a test), it does nothing.
 */
export function runCli(moduleUrl: string, main: CliMain): void {
  if (!isEntryPoint(moduleUrl)) return;
  void runMain(main, processIo()).then((code) => process.exit(code));
}

function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  const real = (file: string) => {
    try {
      return realpathSync(file);
    } catch {
      return file; // named without its extension: compared as it is
    }
  };
  const stem = (file: string) => real(file).replace(/\.[cm]?[jt]s$/, '');
  return stem(script) === stem(fileURLToPath(moduleUrl));
}
