import { withoutControlCharacters } from './safeText.js';

/** What a view says for a member of staff whose name is not known: never their raw id. */
export const UNNAMED_STAFF = 'a member of staff';

/** The longest display name kept (Entra allows 256 characters; a view needs far fewer). */
export const MAX_DISPLAY_NAME = 100;

/**
 * A display name as a channel gave it, made fit to keep and show: control characters (newlines and tabs
 * too) dropped, spaces collapsed, at most MAX_DISPLAY_NAME characters. Nothing left means no name.
 */
export function cleanDisplayName(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const clean = withoutControlCharacters(name).replace(/\s+/g, ' ').trim();
  if (clean === '') return undefined;
  return [...clean].slice(0, MAX_DISPLAY_NAME).join('').trim();
}

/**
 * Staff ids to the names to show, looked up once for a whole view (the address book's): an id whose name
 * is not known reads UNNAMED_STAFF. Records keep the ids; only what is shown is named.
 */
export type StaffNames = (userIds: Iterable<string>) => Promise<(userId: string) => string>;

/** Where no names are kept (a service built without an address book): everyone reads UNNAMED_STAFF. */
export const noStaffNames: StaffNames = async () => () => UNNAMED_STAFF;
