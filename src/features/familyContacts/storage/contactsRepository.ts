import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { getOrUndefined, isStatus, TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { ContactStore, HeldContact } from '../familyContactsStores.js';

const ROW = 'contact';
const entity = z.object({
  code: z.string().min(1),
  reviewRef: z.string().min(1),
  role: z.enum(['cyp', 'pc']),
  channel: z.enum(['sms', 'email']),
  sealed: z.string().min(1),
  createdAt: z.string(),
  expiresAt: z.string(),
  // '' once no reminder is to come: a merge cannot remove a property.
  nextReminderAt: z.string().optional(),
});

const toContact = (e: unknown): HeldContact | undefined => {
  const parsed = entity.safeParse(e);
  if (!parsed.success) return undefined;
  const { nextReminderAt, ...contact } = parsed.data;
  return nextReminderAt ? { ...contact, nextReminderAt } : contact;
};

/**
 * Families' phone numbers and emails (table `contacts`), sealed, one row per invitation: PartitionKey = the
 * invitation code, RowKey `contact`. Never cached: a deleted contact must be gone everywhere at once.
 */
export class ContactsRepository implements ContactStore {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.contacts);
  }

  async put(contact: HeldContact): Promise<void> {
    await (await this.table()).upsertEntity({ partitionKey: contact.code, rowKey: ROW, ...contact }, 'Replace');
  }

  async get(code: string): Promise<HeldContact | undefined> {
    return toContact(await getOrUndefined<HeldContact>(await this.table(), code, ROW));
  }

  async delete(code: string): Promise<boolean> {
    try {
      await (await this.table()).deleteEntity(code, ROW);
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  async forReview(reviewRef: string): Promise<HeldContact[]> {
    return this.list(odata`reviewRef eq ${reviewRef}`);
  }

  all(): Promise<HeldContact[]> {
    return this.list(undefined);
  }

  /** One query for the whole run: only rows with a reminder to come, and due ('' sorts before every time). */
  remindersDue(at: string): Promise<HeldContact[]> {
    return this.list(odata`nextReminderAt gt '' and nextReminderAt le ${at}`);
  }

  /** A merge that fails on a missing row: a contact deleted meanwhile (completion, opt-out) is never re-created. */
  async setNextReminder(code: string, at: string | undefined): Promise<boolean> {
    try {
      await (
        await this.table()
      ).updateEntity({ partitionKey: code, rowKey: ROW, nextReminderAt: at ?? '' }, 'Merge', { etag: '*' });
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  private async list(filter: string | undefined): Promise<HeldContact[]> {
    const out: HeldContact[] = [];
    const entities = (await this.table()).listEntities({ queryOptions: filter ? { filter } : {} });
    for await (const e of entities) {
      const c = toContact(e);
      if (c) out.push(c);
    }
    return out;
  }
}
