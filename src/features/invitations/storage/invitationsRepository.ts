import { odata, type TableClient } from '@azure/data-tables';
import { getOrUndefined, isStatus, TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { ReadCache } from '../../../storage/readCache.js';
import type { Invitation, InvitationStore } from '../../survey/surveyStores.js';

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
    ...(e.meetingOn ? { meetingOn: e.meetingOn } : {}),
  };
}

/**
 * Invitations by code (PartitionKey and RowKey = code): a family's code is one point read. The RowKey
 * repeats the code so it is unique across the table (Azurite looks entities up by RowKey first).
 */
export class InvitationsRepository implements InvitationStore {
  /** Invitations change only when opened or replaced; 30 s bounds how long another instance's change goes unseen. */
  private readonly cache: ReadCache<Invitation | undefined>;

  constructor(private readonly store: TableStore) {
    this.cache = store.cache({ maxEntries: 5_000, maxAgeMs: 30_000 });
  }

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.invitations);
  }

  /** Inserts; false when the code is already taken (the caller draws another). */
  async tryCreate(invitation: Invitation): Promise<boolean> {
    try {
      await (
        await this.table()
      ).createEntity({ partitionKey: invitation.code, rowKey: invitation.code, ...invitation });
      this.cache.wrote(invitation.code, invitation); // a create either stores exactly this or fails with 409
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  get(code: string): Promise<Invitation | undefined> {
    return this.cache.get(code, () => this.read(code));
  }

  /** Reads past the cache: for decisions another instance may have changed (replacing a link). */
  getFresh(code: string): Promise<Invitation | undefined> {
    return this.cache.get(code, () => this.read(code), { fresh: true });
  }

  private async read(code: string): Promise<Invitation | undefined> {
    const e = await getOrUndefined<Invitation>(await this.table(), code, code);
    return e ? toInvitation(e) : undefined;
  }

  /** Records the first time a family opened the invitation; later calls change nothing. */
  async markOpened(invitation: Invitation, at: string): Promise<void> {
    if (invitation.openedAt) return;
    // The caller's copy may be older than the stored row (the read cache, another instance): the stored row
    // decides, and the write holds only while it is unchanged, so the first open's time is never moved.
    await this.cache.write(invitation.code, async () => {
      const table = await this.table();
      for (let attempt = 0; attempt < 3; attempt++) {
        const stored = await getOrUndefined<Invitation>(table, invitation.code, invitation.code);
        if (!stored) throw new Error(`invitation ${invitation.code} is not there`);
        if (stored.openedAt) return;
        try {
          // A merge: only the time is written, so a revocation made meanwhile is kept.
          await table.updateEntity({ partitionKey: invitation.code, rowKey: invitation.code, openedAt: at }, 'Merge', {
            etag: stored.etag,
          });
          return;
        } catch (error) {
          // Changed since it was read (opened or revoked by another instance): read it again.
          if (!isStatus(error, 412)) throw error;
        }
      }
    });
  }

  /** Stops a code working (a fresh link replaced it). */
  async revoke(code: string, at: string): Promise<void> {
    await this.cache.write(code, async () =>
      (await this.table()).updateEntity({ partitionKey: code, rowKey: code, revokedAt: at }, 'Merge'),
    );
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
      out.push(toInvitation(e));
    return out;
  }

  async delete(code: string): Promise<void> {
    await this.cache.write(code, async () =>
      (await this.table()).deleteEntity(code, code).catch((error: unknown) => {
        if (!isStatus(error, 404)) throw error;
      }),
    );
  }
}
