import type { Clock } from '../../domain/clock.js';
import type { InvitationStore } from '../survey/surveyStores.js';
import type { ContactStore, DeliveryStatus, FamilyMessageLedger, StaffNotice } from './familyContactsStores.js';

/**
 * One GOV.UK Notify delivery receipt, as the bot keeps it: the recipient (`to` in Notify's callback) is dropped
 * at the edge and never reaches this far.
 */
export type DeliveryReceipt = {
  notificationId: string;
  reference?: string;
  status: DeliveryStatus;
  /** When Notify finished with it (completed_at), else when the receipt came. */
  at?: string;
};

export type ReceiptOutcome = 'recorded' | 'unchanged' | 'unknown';

/**
 * Records what Notify says became of a message: "my invitations" shows it. A permanent failure (a number not in
 * use, an address that does not exist) deletes the family's contact at once, so no reminder goes to it, and tells
 * the practitioner who invited them, once: only the receipt that changes the message's status (by ETag) does,
 * so Notify sending the same receipt again, or to two instances, tells nobody twice.
 */
export class DeliveryReceiptsService {
  constructor(
    private readonly ledger: FamilyMessageLedger,
    private readonly contacts: Pick<ContactStore, 'delete'>,
    private readonly invitations: Pick<InvitationStore, 'get'>,
    private readonly notices: { schedule(notice: Omit<StaffNotice, 'state'>): Promise<boolean> },
    private readonly clock: Clock,
  ) {}

  async record(receipt: DeliveryReceipt): Promise<ReceiptOutcome> {
    if (!receipt.reference) return 'unknown';
    for (let attempt = 0; attempt < 3; attempt++) {
      const message = await this.ledger.byReference(receipt.reference);
      // The reference is ours and random; the notification id, when known, must agree with it.
      if (!message || (message.notificationId && message.notificationId !== receipt.notificationId)) return 'unknown';
      if (message.delivery === receipt.status) return 'unchanged';
      const at = receipt.at ?? this.clock.now().toISOString();
      if (!(await this.ledger.recordDelivery(message, receipt.status, at))) continue; // changed meanwhile: read again
      if (receipt.status === 'permanent-failure') {
        await this.contacts.delete(message.code);
        const invitation = await this.invitations.get(message.code);
        if (invitation)
          await this.notices.schedule({
            id: `failed~${message.code}~${message.kind}`,
            kind: 'deliveryFailed',
            userId: invitation.createdBy,
            reviewRef: message.reviewRef,
            role: message.role,
            code: message.code,
            message: message.kind,
            channel: message.channel,
            dueAt: this.clock.now().toISOString(),
          });
      }
      return 'recorded';
    }
    return 'unchanged';
  }
}
