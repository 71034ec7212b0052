import type { Activity } from 'botbuilder';

/**
 * Who may talk to the bot at all, decided from the activity alone, for every channel and every activity
 * type (messages, card presses, events, installs and uninstalls):
 *   - locally, unauthenticated, with no allowed list: everyone (the server listens on loopback only);
 *   - an activity that names a tenant must name an allowed one, on any channel;
 *   - a Teams activity must name one (Teams always does).
 * Families on the web page (Direct Line) name no tenant and are let in: they are only ever families.
 */
export function tenantAllowed(activity: Partial<Activity>, allowedTenants: readonly string[]): boolean {
  if (allowedTenants.length === 0) return true;
  const tenant = tenantOf(activity);
  // Tenant ids are GUIDs, equal whatever their case: config keeps them in lower case, an activity may not.
  if (tenant !== undefined) return allowedTenants.some((allowed) => allowed.toLowerCase() === tenant.toLowerCase());
  return activity.channelId !== 'msteams';
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenant = fromConversation ?? fromChannelData;
  return typeof tenant === 'string' && tenant.length > 0 ? tenant : undefined;
}

/**
 * Staff abilities exist only for Teams users: on Web Chat or Direct Line anyone can claim any `from`
 * (an aadObjectId there proves nothing), so a person there is always a family.
 */
export function mayHoldStaffRoles(activity: Partial<Activity>): boolean {
  return activity.channelId === 'msteams';
}
