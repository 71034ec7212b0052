import type {
  DeliveryStatus,
  FamilyMessage,
  FamilyMessageLedger,
  MessageClaim,
  MessageState,
  NewMessage,
} from '../../../src/features/familyContacts/familyContactsStores.js';

const FINAL: ReadonlySet<MessageState> = new Set(['sent', 'notSent', 'uncertain']);

/**
 * The messages ledger in memory, with ETags as counters and no await between a read and its write (so a claim
 * is as exclusive as the table's conditional insert). test/contract/familyMessages.contract.ts holds it to the table.
 */
export class InMemoryFamilyMessages implements FamilyMessageLedger {
  readonly rows = new Map<string, FamilyMessage & { etag: string }>();
  private readonly references = new Map<string, string>();
  readonly optOuts = new Map<string, { reviewRef: string; at: string }>();
  private version = 0;

  constructor(readonly leaseMs = 2 * 60_000) {}

  private key = (code: string, kind: string) => `${code}/${kind}`;
  private tag = () => `W/"${++this.version}"`;

  async recordSent(message: NewMessage, notificationId: string, at: Date): Promise<void> {
    this.references.set(message.reference, this.key(message.code, message.kind));
    const iso = at.toISOString();
    this.rows.set(this.key(message.code, message.kind), {
      ...message,
      state: 'sent',
      notificationId,
      sentAt: iso,
      instance: 'turn',
      leaseUntil: iso,
      attempts: 1,
      updatedAt: iso,
      etag: this.tag(),
    });
  }

  async claim(message: NewMessage, instance: string, now: Date): Promise<MessageClaim | 'done' | 'held'> {
    const key = this.key(message.code, message.kind);
    const existing = this.rows.get(key);
    const lease = new Date(now.getTime() + this.leaseMs).toISOString();
    if (!existing) {
      const etag = this.tag();
      this.rows.set(key, {
        ...message,
        state: 'claimed',
        instance,
        leaseUntil: lease,
        attempts: 0,
        updatedAt: now.toISOString(),
        etag,
      });
      this.references.set(message.reference, key);
      return { code: message.code, kind: message.kind, reference: message.reference, etag, attempts: 0 };
    }
    if (FINAL.has(existing.state)) return 'done';
    if (existing.leaseUntil > now.toISOString()) return 'held';
    if (existing.state === 'sending') {
      Object.assign(existing, { state: 'uncertain', detail: 'interrupted while sending', etag: this.tag() });
      return 'done';
    }
    Object.assign(existing, { state: 'claimed', instance, leaseUntil: lease, etag: this.tag() });
    return {
      code: message.code,
      kind: message.kind,
      reference: existing.reference,
      etag: existing.etag,
      attempts: existing.attempts,
    };
  }

  async move(
    claim: MessageClaim,
    state: MessageState,
    now: Date,
    extra: { attempt?: boolean; notificationId?: string; detail?: string; leaseMs?: number } = {},
  ): Promise<MessageClaim> {
    const row = this.rows.get(this.key(claim.code, claim.kind));
    if (!row || row.etag !== claim.etag) throw Object.assign(new Error('412 precondition failed'), { statusCode: 412 });
    const attempts = claim.attempts + (extra.attempt ? 1 : 0);
    Object.assign(row, {
      state,
      attempts,
      leaseUntil: new Date(now.getTime() + (extra.leaseMs ?? this.leaseMs)).toISOString(),
      updatedAt: now.toISOString(),
      ...(state === 'sent' ? { sentAt: now.toISOString() } : {}),
      ...(extra.notificationId !== undefined ? { notificationId: extra.notificationId } : {}),
      ...(extra.detail !== undefined ? { detail: extra.detail } : {}),
      etag: this.tag(),
    });
    return { ...claim, etag: row.etag, attempts };
  }

  async forInvitation(code: string): Promise<FamilyMessage[]> {
    return [...this.rows.values()]
      .filter((r) => r.code === code)
      .map(({ etag: _etag, ...m }) => m)
      .sort((a, b) => a.kind.localeCompare(b.kind));
  }

  async recordOptOut(code: string, reviewRef: string, at: Date): Promise<void> {
    this.optOuts.set(code, { reviewRef, at: at.toISOString() });
  }

  async optedOutAt(code: string): Promise<string | undefined> {
    return this.optOuts.get(code)?.at;
  }

  async byReference(reference: string): Promise<(FamilyMessage & { etag: string }) | undefined> {
    const key = this.references.get(reference);
    const row = key ? this.rows.get(key) : undefined;
    return row && { ...row };
  }

  async recordDelivery(
    message: FamilyMessage & { etag: string },
    status: DeliveryStatus,
    at: string,
  ): Promise<boolean> {
    const row = this.rows.get(this.key(message.code, message.kind));
    if (!row || row.etag !== message.etag) return false;
    Object.assign(row, { delivery: status, deliveryAt: at, etag: this.tag() });
    return true;
  }

  async eraseReview(reviewRef: string): Promise<number> {
    let removed = 0;
    for (const [code, o] of this.optOuts) if (o.reviewRef === reviewRef) this.optOuts.delete(code);
    for (const [key, row] of this.rows)
      if (row.reviewRef === reviewRef) {
        this.rows.delete(key);
        this.references.delete(row.reference);
        removed++;
      }
    return removed;
  }
}
