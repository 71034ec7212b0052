import type { TurnContext } from 'botbuilder';
import type { StaffRole } from '../domain/access/roles.js';
import { mayHoldStaffRoles } from './tenantPolicy.js';
import { userIdOf } from './teamsTurn.js';

export type RoleLookup = { rolesOf(userId: string | undefined): Promise<StaffRole[]> };

const ROLES = Symbol('roles of this turn');

/**
 * The roles of the person in this turn, looked up once per turn (the address capture and the handlers
 * both ask). Staff roles only for Teams users; anyone elsewhere is a family, whatever they claim.
 */
export function rolesOf(context: TurnContext, access: RoleLookup): Promise<StaffRole[]> {
  let roles = context.turnState.get(ROLES) as Promise<StaffRole[]> | undefined;
  if (!roles) {
    roles = mayHoldStaffRoles(context.activity) ? access.rolesOf(userIdOf(context.activity)) : Promise.resolve([]);
    context.turnState.set(ROLES, roles);
  }
  return roles;
}
