import type { TableClient, TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { referralKey, type Referral } from '../domain/referral.js';
import { submitChecked, TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { ReferralStore } from '../waitsStores.js';

/**
 * Referrals from the services' waiting-list extracts. PartitionKey is the service id, RowKey
 * `<service>~<referral id>` (RowKeys stay unique across the table, which Azurite needs to stay fast),
 * so a re-imported extract replaces the same referral ids and never duplicates them.
 * Only ids and dates are stored: extracts carry no names or other personal details.
 */
const storedReferral = z.object({
  referralId: z.string().min(1),
  service: z.string().min(1),
  referredOn: z.string(),
  triagedOn: z.string().optional(),
  firstSeenOn: z.string().optional(),
  closedOn: z.string().optional(),
});

const BATCH = 100; // Azure's limit for one transaction

export class ReferralsRepository implements ReferralStore {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.referrals);
  }

  /** Every referral of one service (one partition, paged by the SDK). */
  async listService(serviceId: string): Promise<Referral[]> {
    const client = await this.table();
    const out: Referral[] = [];
    const select = ['referralId', 'service', 'referredOn', 'triagedOn', 'firstSeenOn', 'closedOn'];
    for await (const page of client
      .listEntities({ queryOptions: { filter: `PartitionKey eq '${serviceId.replace(/'/g, "''")}'`, select } })
      .byPage({ maxPageSize: 1000 })) {
      for (const e of page) {
        // The SDK returns null for selected properties an entity lacks; drop them before checking.
        const plain = Object.fromEntries(Object.entries(e).filter(([, v]) => v !== null && v !== undefined));
        const parsed = storedReferral.safeParse(plain);
        if (!parsed.success)
          throw new Error(`a stored referral in ${serviceId} is damaged (${parsed.error.issues[0]?.message})`);
        out.push(parsed.data);
      }
    }
    return out;
  }

  /** Writes referrals of one service, replacing any stored under the same id; 100 per transaction. */
  async replaceAll(
    serviceId: string,
    referrals: readonly Referral[],
    onWritten?: (count: number) => void,
  ): Promise<void> {
    const client = await this.table();
    for (let i = 0; i < referrals.length; i += BATCH) {
      const slice = referrals.slice(i, i + BATCH);
      const actions: TransactionAction[] = slice.map((r) => {
        if (r.service !== serviceId) throw new Error(`referral ${r.referralId} is for ${r.service}, not ${serviceId}`);
        return ['upsert', { partitionKey: serviceId, rowKey: referralKey(r), ...r }, 'Replace'];
      });
      await submitChecked(client, actions);
      onWritten?.(slice.length);
    }
  }
}
