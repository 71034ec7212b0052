/** The staff roles an administrator can give (everyone else is a family). */
export const STAFF_ROLES = ['practitioner', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a person may do. Families hold no role, so every ability here is refused to them. */
export type Ability =
  | 'invite'
  | 'seeFigures'
  | 'subscribe'
  | 'seeDeliveries'
  | 'administer'
  | 'recordChanges'
  /** The board's reports: exceptions commentary, the board pack, what is published (accountable managers). */
  | 'manageReporting';

export function can(roles: readonly StaffRole[], action: Ability): boolean {
  switch (action) {
    case 'invite':
    case 'seeFigures':
      return roles.some((r) => r === 'practitioner' || r === 'manager' || r === 'admin');
    case 'subscribe':
    case 'manageReporting':
      return roles.includes('manager');
    case 'seeDeliveries':
    case 'recordChanges': // "you said, we did"
      return roles.includes('manager') || roles.includes('admin');
    case 'administer':
      return roles.includes('admin');
  }
}
