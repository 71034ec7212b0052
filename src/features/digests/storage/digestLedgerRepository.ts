import type { TableClient } from '@azure/data-tables';
import { countDeliveries } from '../domain/deliveryCounts.js';
import { z } from 'zod';
import { encodeKey } from '../../../storage/azureLimits.js';
import { isStatus, TABLES, type TableStore } from '../../../storage/tableStore.js';
import { claimOnce } from '../../../storage/claimOnce.js';
import type { Claim, DeliveryCounts, DeliveryRun, DigestLedger, LedgerRow, LedgerState } from '../digestStores.js';

/**
 * The send ledger (table `sendledger`): one row per digest and conversation, PartitionKey the digest id,
 * RowKey `<digest id>~<conversation id>`. It is what makes "each subscriber gets each digest once" hold
 * across restarts, crashes and several instances.
 *
 * States: claimed → sending → sent | gone | failed, and back to claimed between retries.
 * - A row is created with a conditional insert (only one instance can create it) before anything is sent.
 * - Right before the HTTP call the row becomes `sending`; after a definite answer it records the outcome,
 *   and after a definite failure (429, 5xx) it goes back to `claimed` while the run waits to retry.
 * - Every state carries a lease. A `claimed` row whose lease ran out belonged to an instance that stopped
 *   before sending: another run takes it over (by ETag, so only one does) and sends.
 * - A `sending` row whose lease ran out belonged to an instance that stopped during the HTTP call: Teams
 *   may or may not have delivered it, and Teams has no idempotency key to ask. It becomes `uncertain` and
 *   is NOT sent again (a duplicate board report is worse than one reported as possibly missing); the
 *   delivery report lists it so an administrator can check with that person.
 */
const FINAL: ReadonlySet<LedgerState> = new Set(['sent', 'gone', 'failed', 'uncertain']);

const row: z.ZodType<LedgerRow> = z.object({
  digestId: z.string(),
  conversationId: z.string(),
  state: z.enum(['claimed', 'sending', 'sent', 'gone', 'failed', 'uncertain']),
  instance: z.string(),
  leaseUntil: z.string(),
  attempts: z.number().int().nonnegative(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  updatedAt: z.string(),
});

export class DigestLedgerRepository implements DigestLedger {
  constructor(
    private readonly store: TableStore,
    readonly leaseMs = 2 * 60_000,
  ) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.sendLedger);
  }

  /**
   * Takes the right to send `digestId` to one conversation. Undefined when it is already done, when another
   * instance holds it, or when it was interrupted mid-send (it is then recorded as uncertain).
   */
  async claim(digestId: string, conversationId: string, instance: string, now: Date): Promise<Claim | undefined> {
    const client = await this.table();
    const keys = { partitionKey: digestId, rowKey: rowKey(digestId, conversationId) };
    const fresh: LedgerRow = {
      digestId,
      conversationId,
      state: 'claimed',
      instance,
      leaseUntil: this.lease(now),
      attempts: 0,
      updatedAt: now.toISOString(),
    };
    const outcome = await claimOnce(client, keys, fresh, FINAL, now);
    if (outcome.kind === 'created') return { conversationId, etag: outcome.etag, attempts: 0 };
    if (outcome.kind === 'takenOver')
      return { conversationId, etag: outcome.etag, attempts: outcome.existing.attempts };
    return undefined;
  }

  /** Moves a claimed row on (ETag-checked, so a row taken over by another instance is never overwritten). */
  async move(
    digestId: string,
    claim: Claim,
    state: Exclude<LedgerState, 'uncertain'>,
    now: Date,
    extra: { status?: number; detail?: string; attempt?: boolean } = {},
  ): Promise<Claim> {
    const client = await this.table();
    const attempts = claim.attempts + (extra.attempt ? 1 : 0);
    const entity = {
      partitionKey: digestId,
      rowKey: rowKey(digestId, claim.conversationId),
      state,
      leaseUntil: this.lease(now),
      attempts,
      updatedAt: now.toISOString(),
      ...(extra.status !== undefined ? { status: extra.status } : {}),
      ...(extra.detail !== undefined ? { detail: extra.detail.slice(0, 500) } : {}),
    };
    const result = await client.updateEntity(entity, 'Merge', { etag: claim.etag });
    return { conversationId: claim.conversationId, etag: result.etag!, attempts };
  }

  async rows(digestId: string): Promise<LedgerRow[]> {
    const out: LedgerRow[] = [];
    const filter = `PartitionKey eq '${digestId.replace(/'/g, "''")}'`;
    for await (const e of (await this.table()).listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const plain = Object.fromEntries(Object.entries(e).filter(([, v]) => v !== null && v !== undefined));
      const parsed = row.safeParse(plain);
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }

  async counts(digestId: string): Promise<DeliveryCounts> {
    return countDeliveries(await this.rows(digestId));
  }

  /**
   * Claims one request (a chat message asking for a send) once across instances: Teams re-sends a slow
   * turn with the same activity id, which must not start a second job. False when already claimed.
   */
  async claimRequest(requestKey: string, at: Date): Promise<boolean> {
    try {
      await (
        await this.table()
      ).createEntity({ partitionKey: 'requests', rowKey: `request~${encodeKey(requestKey)}`, at: at.toISOString() });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async recordRun(run: {
    digestId: string;
    label: string;
    counts: DeliveryCounts;
    unreachable: number;
    at: Date;
  }): Promise<void> {
    await (
      await this.table()
    ).upsertEntity(
      {
        partitionKey: 'runs',
        rowKey: `run~${run.digestId}`,
        digestId: run.digestId,
        label: run.label,
        counts: JSON.stringify(run.counts),
        unreachable: run.unreachable,
        at: run.at.toISOString(),
      },
      'Replace',
    );
  }

  async recentRuns(limit: number): Promise<DeliveryRun[]> {
    const out: DeliveryRun[] = [];
    for await (const e of (await this.table()).listEntities<{
      digestId: string;
      label: string;
      counts: string;
      unreachable: number;
      at: string;
    }>({ queryOptions: { filter: "PartitionKey eq 'runs'" } })) {
      out.push({
        digestId: e.digestId,
        label: e.label,
        counts: JSON.parse(e.counts) as DeliveryCounts,
        unreachable: e.unreachable ?? 0,
        at: e.at,
      });
    }
    return out.sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, limit);
  }

  private lease(now: Date): string {
    return new Date(now.getTime() + this.leaseMs).toISOString();
  }
}

const rowKey = (digestId: string, conversationId: string) => `${digestId}~${encodeKey(conversationId)}`;
