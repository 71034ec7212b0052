import { TableServiceClient } from '@azure/data-tables';
import { devConnectionString, startEmbeddedAzurite, type EmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';

/**
 * One in-memory Azurite per test process, each caller given a storage account of its own on it.
 *
 * Starting an Azurite costs about 1.5 CPU-seconds, and the integration tests start a bot (so a store) about a
 * hundred times. An account is as empty and as separate as a new Azurite: its tables, rows and table listing
 * are its own, and the bot reaches it with an ordinary connection string. Tests that stop or kill Azurite, or
 * need it in a process of its own, start their own with startEmbeddedAzurite.
 */
const ACCOUNTS = 400;
let shared: Promise<EmbeddedAzurite> | undefined;
let used = 0;

/** Account names: lower-case letters and digits, 3–24 characters. */
const accountName = (n: number) => `testaccount${n}`;

export async function freshAccount(): Promise<EmbeddedAzurite> {
  if (used >= ACCOUNTS) throw new Error(`A test process may use at most ${ACCOUNTS} storage accounts.`);
  const name = accountName(++used);
  shared ??= startEmbeddedAzurite({ accounts: Array.from({ length: ACCOUNTS }, (_, i) => accountName(i + 1)) });
  const azurite = await shared;
  const connectionString = devConnectionString(azurite.port, name);
  return {
    port: azurite.port,
    pid: azurite.pid,
    connectionString,
    // The shared Azurite keeps running; the account's tables go, so a long run does not hold every test's rows.
    stop: async () => {
      const service = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: true });
      for await (const table of service.listTables()) if (table.name) await service.deleteTable(table.name);
      return 'saved';
    },
  };
}

// A root-level hook: runs once after every suite of the run, whichever file loaded this module first.
after(async function () {
  this.timeout(25_000);
  const started = shared;
  shared = undefined;
  if (started) await (await started).stop();
});
