import type { StaffRole } from '../../domain/access/roles.js';
import type { RoleStore } from './adminStores.js';

/** Who is asking: roles come from the roles table, or from DEV_ROLES when running locally unauthenticated. */
export class AccessControl {
  constructor(
    private readonly roles: RoleStore,
    private readonly devRoles: StaffRole[],
  ) {}

  async rolesOf(userId: string | undefined): Promise<StaffRole[]> {
    if (this.devRoles.length > 0) return this.devRoles;
    if (!userId) return [];
    return this.roles.rolesOf(userId);
  }
}
