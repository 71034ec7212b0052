import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { encodeKey } from '../../../storage/azureLimits.js';
import { getOrUndefined, isStatus, TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { ConversationAddress } from '../../../ports/messages.js';
import type { ReadCache } from '../../../storage/readCache.js';
import type { AddressBook, GoneReason, KeptPerson, StoredAddress } from '../addressBookStores.js';

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
  /** A person's display name, on their 'person' row only; rows written before names were kept have none. */
  name: z.string().optional(),
});

/**
 * Where the bot can reach a conversation later (table `conversationrefs`): only what a send needs —
 * conversation id, service URL, channel, tenant, bot id; no message text. A staff member's own row (below)
 * also keeps the display name Teams gave them, so views can name staff rather than show their ids. One partition;
 * RowKey `ref~<conversation id>`. Marked gone (not deleted) on uninstall or a 403/404 from Teams, so
 * the delivery report can say why, and a re-install makes it active again.
 */
export class AddressBookRepository implements AddressBook {
  constructor(private readonly store: TableStore) {
    this.addresses = store.cache({
      maxEntries: 5_000,
      maxAgeMs: 3600_000,
      keepMissing: true,
    });
  }

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.conversationRefs);
  }

  /**
   * Addresses as last read or written here, kept for an hour: a staff chat seen again is looked up here
   * and written only when its stored address is gone, different or a day old — not on every question.
   */
  private readonly addresses: ReadCache<StoredAddress | undefined>;

  async save(address: ConversationAddress, at: Date, opts: { unlessRecent?: boolean } = {}): Promise<void> {
    if (opts.unlessRecent) {
      const current = await this.addresses.get(address.conversationId, () => this.read(address.conversationId));
      if (current && isRecentCopy(current, address, at)) return;
    }
    const value: StoredAddress = { ...address, status: 'active', updatedAt: at.toISOString() };
    // Replace, so a re-install clears an earlier "gone".
    await this.addresses.write(
      address.conversationId,
      async () =>
        (await this.table()).upsertEntity(
          { partitionKey: 'ref', rowKey: rowKey(address.conversationId), ...value },
          'Replace',
        ),
      () => value,
    );
  }

  /** Read from the table (what a send acts on), and kept. */
  get(conversationId: string): Promise<StoredAddress | undefined> {
    return this.addresses.get(conversationId, () => this.read(conversationId), { fresh: true });
  }

  private async read(conversationId: string): Promise<StoredAddress | undefined> {
    const entity = await getOrUndefined<Record<string, unknown>>(await this.table(), 'ref', rowKey(conversationId));
    return entity ? parse(entity) : undefined;
  }

  async markGone(conversationId: string, reason: GoneReason, at: Date): Promise<void> {
    await this.addresses.write(conversationId, async () => {
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
    });
  }

  /**
   * A staff member's own 1:1 chat (partition 'person', RowKey `person~<user id>`): where an alert meant for
   * them alone can go. Written when they write to the bot there, at most once a day unless it changed.
   */
  async savePerson(userId: string, address: ConversationAddress, at: Date, name?: string): Promise<void> {
    const key = `person~${userId}`;
    const current = await this.addresses.get(key, () => this.readPerson(userId));
    const keptName = name ?? current?.name;
    if (current && current.name === keptName && isRecentCopy(current, address, at)) return;
    const value: StoredAddress = {
      ...address,
      status: 'active',
      updatedAt: at.toISOString(),
      ...(keptName !== undefined ? { name: keptName } : {}),
    };
    await this.addresses.write(
      key,
      async () =>
        (await this.table()).upsertEntity(
          { partitionKey: 'person', rowKey: personRow(userId), userId, ...value },
          'Replace',
        ),
      () => value,
    );
  }

  async personalChat(userId: string): Promise<ConversationAddress | undefined> {
    const stored = await this.addresses.get(`person~${userId}`, () => this.readPerson(userId));
    return stored?.status === 'active' ? stored : undefined;
  }

  /** The row also holds the user id (for an operator reading the table); the address schema drops it. */
  private async readPerson(userId: string): Promise<StoredAddress | undefined> {
    const entity = await getOrUndefined<Record<string, unknown>>(await this.table(), 'person', personRow(userId));
    return entity ? parse(entity) : undefined;
  }

  /**
   * Display names of staff, in one scan of the 'person' partition (one row per member of staff who has
   * written to the bot in a 1:1 chat: hundreds, not more), whatever the number of ids asked for.
   */
  async names(userIds: readonly string[]): Promise<Map<string, string>> {
    const wanted = new Set(userIds);
    const out = new Map<string, string>();
    if (wanted.size === 0) return out;
    for await (const e of (await this.table()).listEntities<Record<string, unknown>>({
      queryOptions: { filter: "PartitionKey eq 'person'", select: ['userId', 'name'] },
    }))
      if (typeof e.userId === 'string' && wanted.has(e.userId) && typeof e.name === 'string' && e.name !== '')
        out.set(e.userId, e.name);
    return out;
  }

  async people(): Promise<KeptPerson[]> {
    const out: KeptPerson[] = [];
    for await (const e of (await this.table()).listEntities<Record<string, unknown>>({
      queryOptions: { filter: "PartitionKey eq 'person'", select: ['userId', 'updatedAt'] },
    }))
      if (typeof e.userId === 'string' && typeof e.updatedAt === 'string')
        out.push({ userId: e.userId, seenAt: new Date(e.updatedAt) });
    return out;
  }

  async forgetPerson(userId: string): Promise<boolean> {
    const key = `person~${userId}`;
    let removed = false;
    // Kept here as known-missing, so this instance's next alert for them finds no chat at once.
    await this.addresses.write(
      key,
      async () => {
        try {
          await (await this.table()).deleteEntity('person', personRow(userId));
          removed = true;
        } catch (error) {
          if (!isStatus(error, 404)) throw error;
        }
      },
      () => undefined,
    );
    return removed;
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
const personRow = (userId: string) => `person~${encodeKey(userId)}`;

const DAY_MS = 24 * 3600_000;

/** The stored address is active, the same in every field, and written less than a day before `at`. */
function isRecentCopy(current: StoredAddress, address: ConversationAddress, at: Date): boolean {
  const { status, goneReason: _reason, updatedAt, name: _name, ...stored } = current;
  void _reason;
  void _name;
  const same = (Object.keys({ ...stored, ...address }) as (keyof ConversationAddress)[]).every(
    (k) => stored[k] === address[k],
  );
  return status === 'active' && same && at.getTime() - Date.parse(updatedAt) < DAY_MS;
}

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
