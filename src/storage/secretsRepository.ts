import { randomBytes } from 'node:crypto';
import { getOrUndefined, isConflict, TABLES, type TableStore } from './tableStore.js';
import type { Secrets } from '../ports/secrets.js';
import type { ReadCache } from './readCache.js';

/**
 * Keys the bot makes for itself (e.g. to sign download links), shared by every instance through storage:
 * the first instance to need one creates it with a conditional insert; the others read that one.
 */
export class SecretsRepository implements Secrets {
  /** A secret is never changed once made, so the copy is kept as long as the process runs. */
  private readonly secrets: ReadCache<string>;

  constructor(private readonly store: TableStore) {
    this.secrets = store.cache({ maxEntries: 16, maxAgeMs: Infinity });
  }

  get(name: string): Promise<string> {
    return this.secrets.get(name, () => this.getOrCreate(name));
  }

  private async getOrCreate(name: string): Promise<string> {
    const client = await this.store.table(TABLES.secrets);
    const rowKey = `secret~${name}`;
    const existing = await getOrUndefined<{ value: string }>(client, 'secret', rowKey);
    if (existing) return existing.value;
    const value = randomBytes(32).toString('base64url');
    try {
      await client.createEntity({ partitionKey: 'secret', rowKey, value, createdAt: new Date().toISOString() });
      return value;
    } catch (error) {
      if (!isConflict(error)) throw error;
      return (await getOrUndefined<{ value: string }>(client, 'secret', rowKey))!.value;
    }
  }
}
