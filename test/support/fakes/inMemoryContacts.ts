import type { ContactStore, HeldContact } from '../../../src/features/familyContacts/familyContactsStores.js';

/** Families' sealed contacts in memory: the contract suite (test/contract/contacts.contract.ts) holds it to the table. */
export class InMemoryContacts implements ContactStore {
  readonly rows = new Map<string, HeldContact>();

  async put(contact: HeldContact): Promise<void> {
    this.rows.set(contact.code, { ...contact });
  }

  async get(code: string): Promise<HeldContact | undefined> {
    const row = this.rows.get(code);
    return row && { ...row };
  }

  async delete(code: string): Promise<boolean> {
    return this.rows.delete(code);
  }

  async forReview(reviewRef: string): Promise<HeldContact[]> {
    return [...this.rows.values()].filter((r) => r.reviewRef === reviewRef).map((r) => ({ ...r }));
  }

  async all(): Promise<HeldContact[]> {
    return [...this.rows.values()].map((r) => ({ ...r }));
  }

  async remindersDue(at: string): Promise<HeldContact[]> {
    return [...this.rows.values()]
      .filter((r) => r.nextReminderAt !== undefined && r.nextReminderAt <= at)
      .map((r) => ({ ...r }));
  }

  async setNextReminder(code: string, at: string | undefined): Promise<boolean> {
    const row = this.rows.get(code);
    if (!row) return false;
    if (at === undefined) delete row.nextReminderAt;
    else row.nextReminderAt = at;
    return true;
  }
}
