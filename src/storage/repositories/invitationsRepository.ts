import { odata, type TableClient } from '@azure/data-tables';
import type { RespondentRole } from '../../domain/survey/questionBank.js';
import { getOrUndefined, isStatus, TABLES, type TableStore } from '../tableStore.js';
import { LruCache } from '../lruCache.js';

export type Invitation = {
  code: string;
  reviewRef: string;
  role: RespondentRole;
  term: string;
  createdAt: string;
  expiresAt: string;
  createdBy: string;
};

/**
 * Invitations by code (PartitionKey and RowKey = code): a family's code is one point read. The RowKey
 * repeats the code so it is unique across the table (Azurite looks entities up by RowKey first).
 */
export class InvitationsRepository {
  /** Invitations never change once made; only erasure removes them, so a short TTL bounds staleness. */
  private readonly cache = new LruCache<Invitation>(5_000, 30_000);

  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.invitations);
  }

  /** Inserts; false when the code is already taken (the caller draws another). */
  async tryCreate(invitation: Invitation): Promise<boolean> {
    try {
      await (await this.table()).createEntity({ partitionKey: invitation.code, rowKey: invitation.code, ...invitation });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async get(code: string): Promise<Invitation | undefined> {
    const cached = this.cache.get(code);
    if (cached) return cached;
    const e = await getOrUndefined<Invitation>(await this.table(), code, code);
    if (!e) return undefined;
    const invitation: Invitation = { code: e.code, reviewRef: e.reviewRef, role: e.role, term: e.term, createdAt: e.createdAt, expiresAt: e.expiresAt, createdBy: e.createdBy };
    this.cache.set(code, invitation);
    return invitation;
  }

  /** All invitations of one review (erasure only; a filtered scan is acceptable for that rare job). */
  async forReview(reviewRef: string): Promise<Invitation[]> {
    const out: Invitation[] = [];
    for await (const e of (await this.table()).listEntities<Invitation>({ queryOptions: { filter: odata`reviewRef eq ${reviewRef}` } })) out.push(e);
    return out;
  }

  async delete(code: string): Promise<void> {
    this.cache.delete(code);
    await (await this.table()).deleteEntity(code, code).catch((error: unknown) => {
      if (!isStatus(error, 404)) throw error;
    });
  }
}
