import type { TableClient } from '@azure/data-tables';
import { STAFF_ROLES, type StaffRole } from '../../../domain/access/roles.js';
import { encodeKey } from '../../../storage/azureLimits.js';
import { getOrUndefined, TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { RoleStore } from '../adminStores.js';

/** Staff roles by Teams / Entra user id. PartitionKey 'user', RowKey the (escaped) user id. */
export class RolesRepository implements RoleStore {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.roles);
  }

  async rolesOf(userId: string): Promise<StaffRole[]> {
    const entity = await getOrUndefined<{ roles: string }>(await this.table(), 'user', encodeKey(userId));
    return parseRoles(entity?.roles);
  }

  async set(userId: string, roles: StaffRole[], changedBy: string): Promise<void> {
    const client = await this.table();
    if (roles.length === 0) {
      await client.deleteEntity('user', encodeKey(userId)).catch(() => undefined);
      return;
    }
    await client.upsertEntity(
      {
        partitionKey: 'user',
        rowKey: encodeKey(userId),
        userId,
        roles: [...new Set(roles)].sort().join(','),
        changedBy,
        changedAt: new Date().toISOString(),
      },
      'Replace',
    );
  }

  async list(): Promise<{ userId: string; roles: StaffRole[] }[]> {
    const client = await this.table();
    const out: { userId: string; roles: StaffRole[] }[] = [];
    for await (const e of client.listEntities<{ userId: string; roles: string }>())
      out.push({ userId: e.userId, roles: parseRoles(e.roles) });
    return out;
  }
}

function parseRoles(value: string | undefined): StaffRole[] {
  return (value ?? '').split(',').filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r));
}
