import type { StaffRole } from '../config/config.js';
import type { RolesRepository } from '../storage/repositories/rolesRepository.js';

/** Who is asking: roles come from the roles table, or from DEV_ROLES when running locally unauthenticated. */
export class AccessControl {
  constructor(
    private readonly roles: RolesRepository,
    private readonly devRoles: StaffRole[],
  ) {}

  async rolesOf(userId: string | undefined): Promise<StaffRole[]> {
    if (this.devRoles.length > 0) return this.devRoles;
    if (!userId) return [];
    return this.roles.rolesOf(userId);
  }
}

export function can(roles: readonly StaffRole[], action: 'invite' | 'seeFigures' | 'subscribe' | 'administer'): boolean {
  switch (action) {
    case 'invite':
    case 'seeFigures':
      return roles.some((r) => r === 'practitioner' || r === 'manager' || r === 'admin');
    case 'subscribe':
      return roles.includes('manager');
    case 'administer':
      return roles.includes('admin');
  }
}
