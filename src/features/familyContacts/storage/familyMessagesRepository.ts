import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { getOrUndefined, isConflict, isStatus, TABLES, type TableStore } from '../../../storage/tableStore.js';
import { claimOnce } from '../../../storage/claimOnce.js';
import type {
  DeliveryStatus,
  FamilyMessage,
  FamilyMessageLedger,
  MessageClaim,
  MessageKind,
  MessageState,
  NewMessage,
} from '../familyContactsStores.js';

/**
 * Messages sent to families (table `familymessages`), never with a number or address:
 * - one row per invitation and message, PartitionKey the invitation code, RowKey `invitation` or `reminder-<n>`;
 * - one row per reference, PartitionKey `reference`, RowKey the message's random reference, naming its message,
 *   so a delivery receipt (which carries the reference) is one point read.
 *
 * A reminder is claimed as the digests' ledger claims a send: a conditional insert before anything is sent
 * (only one instance can make it), `sending` just before the request, then its outcome; each state has a
 * lease, a `claimed` row whose lease ran out is taken over (by ETag), and a `sending` one whose lease ran out
 * becomes `uncertain` and is never sent again (Notify has no idempotency key to ask with).
 */
const FINAL: ReadonlySet<MessageState> = new Set(['sent', 'notSent', 'uncertain']);
const REFERENCES = 'reference';
/** The RowKey of a family's "stop reminders", in its invitation's partition. */
const OPT_OUT = 'optout';

const row = z.object({
  code: z.string(),
  kind: z.string().regex(/^(invitation|reminder-\d)$/),
  reviewRef: z.string(),
  role: z.enum(['cyp', 'pc']),
  channel: z.enum(['sms', 'email']),
  state: z.enum(['claimed', 'sending', 'sent', 'notSent', 'uncertain']),
  reference: z.string(),
  notificationId: z.string().optional(),
  sentAt: z.string().optional(),
  delivery: z.enum(['delivered', 'permanent-failure', 'temporary-failure', 'technical-failure']).optional(),
  deliveryAt: z.string().optional(),
  detail: z.string().optional(),
  instance: z.string(),
  leaseUntil: z.string(),
  attempts: z.number().int().nonnegative(),
  updatedAt: z.string(),
});

function toMessage(e: Record<string, unknown>): FamilyMessage | undefined {
  const plain = Object.fromEntries(Object.entries(e).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  const parsed = row.safeParse(plain);
  return parsed.success ? { ...parsed.data, kind: parsed.data.kind as MessageKind } : undefined;
}

export class FamilyMessagesRepository implements FamilyMessageLedger {
  constructor(
    private readonly store: TableStore,
    readonly leaseMs = 2 * 60_000,
  ) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.familyMessages);
  }

  async recordSent(message: NewMessage, notificationId: string, at: Date): Promise<void> {
    const client = await this.table();
    await this.index(client, message);
    const sent: FamilyMessage = {
      ...message,
      state: 'sent',
      notificationId,
      sentAt: at.toISOString(),
      instance: 'turn',
      leaseUntil: at.toISOString(),
      attempts: 1,
      updatedAt: at.toISOString(),
    };
    await client.upsertEntity({ partitionKey: message.code, rowKey: message.kind, ...sent }, 'Replace');
  }

  async claim(message: NewMessage, instance: string, now: Date): Promise<MessageClaim | 'done' | 'held'> {
    const client = await this.table();
    const keys = { partitionKey: message.code, rowKey: message.kind };
    const fresh: FamilyMessage = {
      ...message,
      state: 'claimed',
      instance,
      leaseUntil: this.lease(now, this.leaseMs),
      attempts: 0,
      updatedAt: now.toISOString(),
    };
    const outcome = await claimOnce(client, keys, fresh, FINAL, now);
    switch (outcome.kind) {
      case 'created':
        await this.index(client, message);
        return {
          code: message.code,
          kind: message.kind,
          reference: message.reference,
          etag: outcome.etag,
          attempts: 0,
        };
      case 'takenOver':
        // The instance that claimed it first may have stopped before its reference was written.
        await this.index(client, { ...message, reference: outcome.existing.reference });
        return {
          code: message.code,
          kind: message.kind,
          reference: outcome.existing.reference,
          etag: outcome.etag,
          attempts: outcome.existing.attempts,
        };
      case 'final':
      case 'interrupted':
        return 'done';
      case 'held':
      case 'gone': // deleted between (erasure): nothing to send
        return 'held';
    }
  }

  async move(
    claim: MessageClaim,
    state: MessageState,
    now: Date,
    extra: { attempt?: boolean; notificationId?: string; detail?: string; leaseMs?: number } = {},
  ): Promise<MessageClaim> {
    const attempts = claim.attempts + (extra.attempt ? 1 : 0);
    const entity = {
      partitionKey: claim.code,
      rowKey: claim.kind,
      state,
      leaseUntil: this.lease(now, extra.leaseMs ?? this.leaseMs),
      attempts,
      updatedAt: now.toISOString(),
      ...(state === 'sent' ? { sentAt: now.toISOString() } : {}),
      ...(extra.notificationId !== undefined ? { notificationId: extra.notificationId } : {}),
      ...(extra.detail !== undefined ? { detail: extra.detail.slice(0, 300) } : {}),
    };
    const result = await (await this.table()).updateEntity(entity, 'Merge', { etag: claim.etag });
    return { ...claim, etag: result.etag!, attempts };
  }

  async forInvitation(code: string): Promise<FamilyMessage[]> {
    return this.list(odata`PartitionKey eq ${code}`);
  }

  async recordOptOut(code: string, reviewRef: string, at: Date): Promise<void> {
    await (
      await this.table()
    ).upsertEntity({ partitionKey: code, rowKey: OPT_OUT, code, reviewRef, at: at.toISOString() }, 'Replace');
  }

  async optedOutAt(code: string): Promise<string | undefined> {
    const e = await getOrUndefined<{ at: string }>(await this.table(), code, OPT_OUT);
    return e?.at;
  }

  async byReference(reference: string): Promise<(FamilyMessage & { etag: string }) | undefined> {
    const client = await this.table();
    const pointer = await getOrUndefined<{ code: string; kind: string }>(client, REFERENCES, reference);
    if (!pointer) return undefined;
    const e = await getOrUndefined<Record<string, unknown>>(client, pointer.code, pointer.kind);
    const message = e && toMessage(e);
    return message && message.reference === reference ? { ...message, etag: e.etag } : undefined;
  }

  async recordDelivery(
    message: FamilyMessage & { etag: string },
    status: DeliveryStatus,
    at: string,
  ): Promise<boolean> {
    try {
      await (
        await this.table()
      ).updateEntity({ partitionKey: message.code, rowKey: message.kind, delivery: status, deliveryAt: at }, 'Merge', {
        etag: message.etag,
      });
      return true;
    } catch (error) {
      if (isConflict(error) || isStatus(error, 404)) return false;
      throw error;
    }
  }

  /** Every row of a review: its messages (with their reference rows) and any opt-out. Returns the messages. */
  async eraseReview(reviewRef: string): Promise<number> {
    const client = await this.table();
    let removed = 0;
    const filter = odata`reviewRef eq ${reviewRef}`;
    for await (const e of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const m = toMessage(e);
      if (m) await client.deleteEntity(REFERENCES, m.reference).catch(ignoreMissing);
      await client.deleteEntity(String(e.partitionKey), String(e.rowKey)).catch(ignoreMissing);
      if (m) removed++;
    }
    return removed;
  }

  private async index(client: TableClient, message: NewMessage): Promise<void> {
    await client.upsertEntity(
      { partitionKey: REFERENCES, rowKey: message.reference, code: message.code, kind: message.kind },
      'Replace',
    );
  }

  private async list(filter: string): Promise<FamilyMessage[]> {
    const out: FamilyMessage[] = [];
    for await (const e of (await this.table()).listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const m = e.partitionKey === REFERENCES ? undefined : toMessage(e);
      if (m) out.push(m);
    }
    return out.sort((a, b) => a.kind.localeCompare(b.kind));
  }

  private lease(now: Date, ms: number): string {
    return new Date(now.getTime() + ms).toISOString();
  }
}

function ignoreMissing(error: unknown): void {
  if (!isStatus(error, 404)) throw error;
}
