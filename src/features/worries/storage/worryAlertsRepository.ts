import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { encodeKey } from '../../../storage/azureLimits.js';
import { getOrUndefined, isConflict, isStatus, TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { WorryAlert, WorryAlertStore } from '../worryStores.js';

const alertSchema = z.object({
  id: z.string(),
  reviewRef: z.string(),
  role: z.enum(['cyp', 'pc']),
  questionId: z.string(),
  asked: z.string(),
  answer: z.string(),
  reasons: z.array(z.string()),
  raisedAt: z.string(),
  inviter: z.string().optional(),
  status: z.enum(['pending', 'new', 'sending', 'sent', 'acknowledged']),
  sendingSince: z.string().optional(),
  sentAt: z.string().optional(),
  escalatedAt: z.string().optional(),
  escalatedTo: z.array(z.string()).optional(),
  acknowledgedAt: z.string().optional(),
  acknowledgedBy: z.string().optional(),
  problem: z.string().optional(),
});

/**
 * Worry alerts (table `worryalerts`): PartitionKey 'alert', RowKey the alert id. The alert is one JSON
 * property (the answer can be 2,000 characters; a string property holds 32,000), plus its status as a
 * column so open (and pending) alerts are one filtered read. Every change is ETag-checked: two instances
 * never both send, and a refused save removes only the pending alert it made itself.
 */
export class WorryAlertsRepository implements WorryAlertStore {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.worryAlerts);
  }

  private entity(alert: WorryAlert) {
    return {
      partitionKey: 'alert',
      rowKey: encodeKey(alert.id),
      status: alert.status,
      reviewRef: alert.reviewRef,
      json: JSON.stringify(alert),
    };
  }

  async eraseReview(reviewRef: string): Promise<number> {
    const client = await this.table();
    let removed = 0;
    for await (const e of client.listEntities({
      queryOptions: { filter: odata`PartitionKey eq 'alert' and reviewRef eq ${reviewRef}` },
    })) {
      await client.deleteEntity(e.partitionKey!, e.rowKey!);
      removed++;
    }
    return removed;
  }

  async create(alert: WorryAlert): Promise<string | undefined> {
    try {
      const response = await (await this.table()).createEntity(this.entity(alert));
      if (!response.etag) throw new Error('Table Storage returned no ETag for an alert it stored');
      return response.etag;
    } catch (error) {
      if (isConflict(error)) return undefined;
      throw error;
    }
  }

  async get(id: string): Promise<(WorryAlert & { etag: string }) | undefined> {
    const e = await getOrUndefined<{ json: string }>(await this.table(), 'alert', encodeKey(id));
    return e ? { ...alertSchema.parse(JSON.parse(e.json)), etag: e.etag } : undefined;
  }

  async replace(alert: WorryAlert, etag: string): Promise<string | undefined> {
    try {
      const response = await (await this.table()).updateEntity(this.entity(alert), 'Replace', { etag });
      if (!response.etag) throw new Error('Table Storage returned no ETag for an alert it stored');
      return response.etag;
    } catch (error) {
      // 404: removed meanwhile (a refused save's pending alert, or erasure) — changed, like a conflict.
      if (isConflict(error) || isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async remove(id: string, etag: string): Promise<boolean> {
    try {
      await (await this.table()).deleteEntity('alert', encodeKey(id), { etag });
      return true;
    } catch (error) {
      if (isConflict(error) || isStatus(error, 404)) return false;
      throw error;
    }
  }

  async pendingBefore(raisedBefore: string): Promise<(WorryAlert & { etag: string })[]> {
    return (await this.list("PartitionKey eq 'alert' and status eq 'pending'")).filter(
      (a) => a.raisedAt < raisedBefore,
    );
  }

  open(): Promise<(WorryAlert & { etag: string })[]> {
    return this.list("PartitionKey eq 'alert' and status ne 'acknowledged' and status ne 'pending'");
  }

  private async list(filter: string): Promise<(WorryAlert & { etag: string })[]> {
    const out: (WorryAlert & { etag: string })[] = [];
    const entities = (await this.table()).listEntities<{ json: string; etag: string }>({ queryOptions: { filter } });
    for await (const e of entities) out.push({ ...alertSchema.parse(JSON.parse(e.json)), etag: e.etag });
    return out;
  }
}
