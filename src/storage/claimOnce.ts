import type { TableClient } from '@azure/data-tables';
import { getOrUndefined, isConflict } from './tableStore.js';

/** What a send ledger's row needs for one instance to claim it: its state, holder, lease and tries. */
export type ClaimableRow = { state: string; instance: string; leaseUntil: string; attempts: number };

export type ClaimOutcome<R> =
  /** This instance created the row: it holds it. */
  | { kind: 'created'; etag: string }
  /** An expired claim taken over (ETag-checked): this instance holds it now. */
  | { kind: 'takenOver'; etag: string; existing: R }
  /** Sent, or given up, already. */
  | { kind: 'final' }
  /** Another instance holds it (its lease runs, or it got there first), or the row went meanwhile. */
  | { kind: 'held' }
  | { kind: 'gone' }
  /** Its holder stopped while sending: recorded as uncertain, never sent again. */
  | { kind: 'interrupted' };

/**
 * The one claim-once step of every send ledger (digests to subscribers, reminders to families): a conditional
 * insert; else a row whose lease has run out is taken over by ETag, unless it was being sent, which is then
 * recorded as uncertain (whether it went is not known, so it is never sent twice). Two instances never both
 * hold a row.
 */
export async function claimOnce<R extends ClaimableRow>(
  client: TableClient,
  keys: { partitionKey: string; rowKey: string },
  fresh: R,
  final: ReadonlySet<string>,
  now: Date,
): Promise<ClaimOutcome<R>> {
  try {
    const created = await client.createEntity({ ...keys, ...fresh });
    return { kind: 'created', etag: created.etag! };
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
  const existing = await getOrUndefined<R & { etag: string }>(client, keys.partitionKey, keys.rowKey);
  if (!existing) return { kind: 'gone' };
  if (final.has(existing.state)) return { kind: 'final' };
  if (existing.leaseUntil > now.toISOString()) return { kind: 'held' };
  try {
    if (existing.state === 'sending') {
      await client.updateEntity(
        {
          ...keys,
          state: 'uncertain',
          detail: `interrupted while sending (instance ${existing.instance})`,
          updatedAt: now.toISOString(),
        },
        'Merge',
        { etag: existing.etag },
      );
      return { kind: 'interrupted' };
    }
    const taken = await client.updateEntity(
      {
        ...keys,
        state: 'claimed',
        instance: fresh.instance,
        leaseUntil: fresh.leaseUntil,
        updatedAt: now.toISOString(),
      },
      'Merge',
      { etag: existing.etag },
    );
    return { kind: 'takenOver', etag: taken.etag!, existing };
  } catch (error) {
    if (isConflict(error)) return { kind: 'held' }; // another instance got there first
    throw error;
  }
}
