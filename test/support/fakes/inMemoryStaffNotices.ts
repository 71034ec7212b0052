import type { StaffNotice, StaffNoticeStore } from '../../../src/features/familyContacts/familyContactsStores.js';

/** Notices to practitioners in memory, ETags as counters (no await between a check and its write). */
export class InMemoryStaffNotices implements StaffNoticeStore {
  readonly rows = new Map<string, StaffNotice & { etag: string }>();
  private version = 0;

  async create(notice: StaffNotice): Promise<boolean> {
    if (this.rows.has(notice.id)) return false;
    this.rows.set(notice.id, { ...notice, etag: String(++this.version) });
    return true;
  }

  async get(id: string) {
    const row = this.rows.get(id);
    return row && { ...row };
  }

  async due(at: string, staleBefore: string) {
    return [...this.rows.values()]
      .filter(
        (n) =>
          (n.state === 'scheduled' && n.dueAt <= at) || (n.state === 'sending' && (n.sendingSince ?? '') < staleBefore),
      )
      .map((n) => ({ ...n }))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async replace(notice: StaffNotice, etag: string): Promise<string | undefined> {
    const row = this.rows.get(notice.id);
    if (!row || row.etag !== etag) return undefined;
    const next = { ...notice, etag: String(++this.version) };
    this.rows.set(notice.id, next);
    return next.etag;
  }

  async eraseReview(reviewRef: string): Promise<number> {
    let removed = 0;
    for (const [id, n] of this.rows)
      if (n.reviewRef === reviewRef) {
        this.rows.delete(id);
        removed++;
      }
    return removed;
  }
}
