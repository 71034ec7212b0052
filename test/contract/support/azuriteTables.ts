import { randomBytes } from 'node:crypto';
import { startEmbeddedAzurite, type EmbeddedAzurite } from '../../../src/storage/embeddedAzurite.js';
import { TableStore, type TableName } from '../../../src/storage/tableStore.js';

/**
 * One in-memory Azurite for every contract suite, started on first use and stopped when the run ends.
 * Each store it hands out names its tables with a fresh prefix (`c1ab2xinvitations`), so every test
 * starts from empty tables and no suite sees another's rows, without paying for an Azurite each.
 */
let azurite: Promise<EmbeddedAzurite> | undefined;
let made = 0;

function shared(): Promise<EmbeddedAzurite> {
  azurite ??= startEmbeddedAzurite();
  return azurite;
}

/** The real TableStore, with each table name prefixed: the repositories on it are unchanged. */
class PrefixedTableStore extends TableStore {
  constructor(
    target: string,
    private readonly prefix: string,
  ) {
    super(target);
  }

  override table(name: TableName) {
    return super.table(`${this.prefix}${name}` as TableName);
  }
}

/** A TableStore on the shared Azurite whose tables no other store uses. */
export async function freshTableStore(): Promise<TableStore> {
  const { connectionString } = await shared();
  // Table names: letters and digits, starting with a letter, at most 63 characters.
  return new PrefixedTableStore(connectionString, `c${++made}${randomBytes(2).toString('hex')}x`);
}

// A root-level hook: runs once after every suite of the run, whichever file loaded this module first.
after(async function () {
  this.timeout(15_000);
  const started = azurite;
  azurite = undefined;
  if (started) await (await started).stop();
});
