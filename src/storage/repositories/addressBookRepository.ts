import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { encodeKey } from '../azureLimits.js';
import { getOrUndefined, TABLES, type TableStore } from '../tableStore.js';
import type { ConversationAddress } from '../../ports/messages.js';
import { LruCache } from '../lruCache.js';
import type { AddressBook, GoneReason, StoredAddress } from '../../ports/digestStores.js';

const stored = z.object({
  conversationId: z.string().min(1),
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  conversationType: z.enum(['personal', 'groupChat', 'channel']),
  tenantId: z.string().optional(),
  botId: z.string().optional(),
  status: z.enum(['active', 'gone']),
  goneReason: z.enum(['uninstalled', 'blocked', 'removed']).optional(),
  updatedAt: z.string(),
});

/**
 * Where the bot can reach a conversation later (table `conversationrefs`): only what a send needs —
 * conversation id, service URL, channel, tenant, bot id. No names, no message text. One partition;
 * RowKey `ref~<conversation id>`. Marked gone (not deleted) on uninstall or a 403/404 from Teams, so
 * the delivery report can say why, and a re-install makes it active again.
 */
export class AddressBookRepository implements AddressBook {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.conversationRefs);
  }

  /** What this instance wrote lately: a staff chat's address is written once a day, not on every question. */
  private readonly written = new LruCache<string>(5_000, 24 * 3600_000);

  async save(address: ConversationAddress, at: Date, opts: { unlessRecent?: boolean } = {}): Promise<void> {
    const same = JSON.stringify(address);
    if (opts.unlessRecent && this.written.get(address.conversationId) === same) return;
    const entity = {
      partitionKey: 'ref',
      rowKey: rowKey(address.conversationId),
      ...address,
      status: 'active',
      updatedAt: at.toISOString(),
    };
    // Replace, so a re-install clears an earlier "gone".
    await (await this.table()).upsertEntity(entity, 'Replace');
    this.written.set(address.conversationId, same);
  }

  async get(conversationId: string): Promise<StoredAddress | undefined> {
    const entity = await getOrUndefined<Record<string, unknown>>(await this.table(), 'ref', rowKey(conversationId));
    return entity ? parse(entity) : undefined;
  }

  async markGone(conversationId: string, reason: GoneReason, at: Date): Promise<void> {
    this.written.delete(conversationId);
    const client = await this.table();
    const existing = await getOrUndefined<Record<string, unknown>>(client, 'ref', rowKey(conversationId));
    if (!existing) return;
    await client.updateEntity(
      {
        partitionKey: 'ref',
        rowKey: rowKey(conversationId),
        status: 'gone',
        goneReason: reason,
        updatedAt: at.toISOString(),
      },
      'Merge',
    );
  }

  /** Several addresses at once (the subscribers of a digest), in one partition scan. */
  async all(): Promise<Map<string, StoredAddress>> {
    const out = new Map<string, StoredAddress>();
    for await (const e of (await this.table()).listEntities<Record<string, unknown>>({
      queryOptions: { filter: "PartitionKey eq 'ref'" },
    })) {
      const a = parse(e);
      out.set(a.conversationId, a);
    }
    return out;
  }
}

const rowKey = (conversationId: string) => `ref~${encodeKey(conversationId)}`;

function parse(entity: Record<string, unknown>): StoredAddress {
  const plain = Object.fromEntries(
    Object.entries(entity).filter(
      ([k, v]) => v !== null && v !== undefined && !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(k),
    ),
  );
  const parsed = stored.safeParse(plain);
  if (!parsed.success)
    throw new Error(
      `a stored conversation address is damaged (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`,
    );
  return parsed.data;
}
