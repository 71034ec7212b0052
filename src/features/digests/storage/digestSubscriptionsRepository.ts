import type { TableClient } from '@azure/data-tables';
import { encodeKey } from '../../../storage/azureLimits.js';
import { isStatus, TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { DigestSubscriptions, Subscription } from '../digestStores.js';

/**
 * Who gets the termly digest (table `subscriptions`): one row per conversation — a manager's personal
 * chat, or a team channel (the channel's subscription, whoever set it up). RowKey `sub~<conversation id>`.
 */
export class DigestSubscriptionsRepository implements DigestSubscriptions {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.subscriptions);
  }

  /** Idempotent: subscribing twice keeps the first subscription. */
  async subscribe(s: Subscription): Promise<'subscribed' | 'already'> {
    try {
      await (await this.table()).createEntity({ partitionKey: 'sub', rowKey: rowKey(s.conversationId), ...s });
      return 'subscribed';
    } catch (error) {
      if (isStatus(error, 409)) return 'already';
      throw error;
    }
  }

  async unsubscribe(conversationId: string): Promise<boolean> {
    try {
      await (await this.table()).deleteEntity('sub', rowKey(conversationId));
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  async list(): Promise<Subscription[]> {
    const out: Subscription[] = [];
    for await (const e of (await this.table()).listEntities<Subscription>({
      queryOptions: { filter: "PartitionKey eq 'sub'" },
    })) {
      out.push({
        conversationId: e.conversationId,
        scope: e.scope,
        subscribedBy: e.subscribedBy,
        subscribedAt: e.subscribedAt,
      });
    }
    return out;
  }
}

const rowKey = (conversationId: string) => `sub~${encodeKey(conversationId)}`;
