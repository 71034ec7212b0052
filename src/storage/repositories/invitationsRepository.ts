import { odata, type TableClient } from '@azure/data-tables';
import { getOrUndefined, isStatus, TABLES, type TableStore } from '../tableStore.js';
import { LruCache } from '../lruCache.js';
import type { Invitation, InvitationStore } from '../../ports/surveyStores.js';

function toInvitation(e: Invitation): Invitation {
  return {
    code: e.code,
    reviewRef: e.reviewRef,
    role: e.role,
    term: e.term,
    createdAt: e.createdAt,
    expiresAt: e.expiresAt,
    createdBy: e.createdBy,
    ...(e.openedAt ? { openedAt: e.openedAt } : {}),
    ...(e.revokedAt ? { revokedAt: e.revokedAt } : {}),
  };
}

/**
 * Invitations by code (PartitionKey and RowKey = code): a family's code is one point read. The RowKey
 * repeats the code so it is unique across the table (Azurite looks entities up by RowKey first).
 */
export class InvitationsRepository implements InvitationStore {
  /** Invitations change only when opened or replaced (both written here, which updates the cache); a short TTL bounds staleness across instances. */
  private readonly cache = new LruCache<Invitation>(5_000, 30_000);

  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.invitations);
  }

  /** Inserts; false when the code is already taken (the caller draws another). */
  async tryCreate(invitation: Invitation): Promise<boolean> {
    try {
      await (
        await this.table()
      ).createEntity({ partitionKey: invitation.code, rowKey: invitation.code, ...invitation });
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
    const invitation = toInvitation(e);
    this.cache.set(code, invitation);
    return invitation;
  }

  /** Reads past the cache: for decisions another instance may have changed (replacing a link). */
  async getFresh(code: string): Promise<Invitation | undefined> {
    this.cache.delete(code);
    return this.get(code);
  }

  /** Records the first time a family opened the invitation; later calls change nothing. */
  async markOpened(invitation: Invitation, at: string): Promise<void> {
    if (invitation.openedAt) return;
    await (
      await this.table()
    ).updateEntity({ partitionKey: invitation.code, rowKey: invitation.code, openedAt: at }, 'Merge');
    this.cache.set(invitation.code, { ...invitation, openedAt: at });
  }

  /** Stops a code working (a fresh link replaced it). */
  async revoke(code: string, at: string): Promise<void> {
    await (await this.table()).updateEntity({ partitionKey: code, rowKey: code, revokedAt: at }, 'Merge');
    this.cache.delete(code);
  }

  /** The invitations one member of staff made (a filtered scan: invitations number thousands a year, not millions). */
  async byCreator(createdBy: string): Promise<Invitation[]> {
    const out: Invitation[] = [];
    for await (const e of (await this.table()).listEntities<Invitation>({
      queryOptions: { filter: odata`createdBy eq ${createdBy}` },
    }))
      out.push(toInvitation(e));
    return out;
  }

  /** All invitations of one review (erasure only; a filtered scan is acceptable for that rare job). */
  async forReview(reviewRef: string): Promise<Invitation[]> {
    const out: Invitation[] = [];
    for await (const e of (await this.table()).listEntities<Invitation>({
      queryOptions: { filter: odata`reviewRef eq ${reviewRef}` },
    }))
      out.push(e);
    return out;
  }

  async delete(code: string): Promise<void> {
    this.cache.delete(code);
    await (await this.table()).deleteEntity(code, code).catch((error: unknown) => {
      if (!isStatus(error, 404)) throw error;
    });
  }
}
