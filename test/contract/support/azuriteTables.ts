import { randomBytes } from 'node:crypto';
import type { EmbeddedAzurite } from '../../../src/storage/embeddedAzurite.js';
import { TableStore, type TableName } from '../../../src/storage/tableStore.js';
import { freshAccount } from '../../support/testAzurite.js';

/**
 * One storage account for every contract suite, on the test process's in-memory Azurite (testAzurite.ts, which
 * stops it when the run ends). Each store it hands out names its tables with a fresh prefix
 * (`c1ab2xinvitations`), so every test starts from empty tables and no suite sees another's rows, without paying
 * for an Azurite, or using up an account, for each.
 */
let azurite: Promise<EmbeddedAzurite> | undefined;
let made = 0;

function shared(): Promise<EmbeddedAzurite> {
  azurite ??= freshAccount();
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
