import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { getOrUndefined, isConflict, isStatus, TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { MessageKind, StaffNotice, StaffNoticeStore } from '../familyContactsStores.js';

/**
 * Notices to practitioners (table `staffnotices`), PartitionKey `notice`, RowKey the notice's id: a handful a
 * day, so the due ones are one partition query. Created by conditional insert (made once), moved by ETag.
 */
const PARTITION = 'notice';

const row = z.object({
  id: z.string(),
  kind: z.enum(['deliveryFailed', 'meetingSoon']),
  userId: z.string(),
  reviewRef: z.string(),
  role: z.enum(['cyp', 'pc']),
  code: z.string(),
  message: z
    .string()
    .regex(/^(invitation|reminder-\d)$/)
    .optional(),
  channel: z.enum(['sms', 'email']).optional(),
  meetingOn: z.string().optional(),
  dueAt: z.string(),
  state: z.enum(['scheduled', 'sending', 'sent', 'unreachable', 'cancelled']),
  sendingSince: z.string().optional(),
  sentAt: z.string().optional(),
  detail: z.string().optional(),
});

function toNotice(e: Record<string, unknown>): StaffNotice | undefined {
  const plain = Object.fromEntries(Object.entries(e).filter(([, v]) => v !== null && v !== undefined));
  const parsed = row.safeParse(plain);
  if (!parsed.success) return undefined;
  const { message, ...rest } = parsed.data;
  return message ? { ...rest, message: message as MessageKind } : rest;
}

export class StaffNoticesRepository implements StaffNoticeStore {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.staffNotices);
  }

  async create(notice: StaffNotice): Promise<boolean> {
    try {
      await (await this.table()).createEntity({ partitionKey: PARTITION, rowKey: notice.id, ...notice });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async get(id: string): Promise<(StaffNotice & { etag: string }) | undefined> {
    const e = await getOrUndefined<Record<string, unknown>>(await this.table(), PARTITION, id);
    const notice = e && toNotice(e);
    return notice && { ...notice, etag: e.etag };
  }

  async due(at: string, staleBefore: string): Promise<(StaffNotice & { etag: string })[]> {
    const filter = odata`PartitionKey eq ${PARTITION} and ((state eq 'scheduled' and dueAt le ${at}) or (state eq 'sending' and sendingSince lt ${staleBefore}))`;
    const out: (StaffNotice & { etag: string })[] = [];
    for await (const e of (await this.table()).listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const notice = toNotice(e);
      if (notice) out.push({ ...notice, etag: String(e.etag) });
    }
    return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async replace(notice: StaffNotice, etag: string): Promise<string | undefined> {
    try {
      const result = await (
        await this.table()
      ).updateEntity({ partitionKey: PARTITION, rowKey: notice.id, ...notice }, 'Replace', { etag });
      return result.etag;
    } catch (error) {
      if (isConflict(error) || isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async eraseReview(reviewRef: string): Promise<number> {
    const client = await this.table();
    let removed = 0;
    const filter = odata`PartitionKey eq ${PARTITION} and reviewRef eq ${reviewRef}`;
    for await (const e of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      await client.deleteEntity(PARTITION, String(e.rowKey)).catch((error: unknown) => {
        if (!isStatus(error, 404)) throw error;
      });
      removed++;
    }
    return removed;
  }
}
