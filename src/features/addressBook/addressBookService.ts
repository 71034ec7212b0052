import type { Clock } from '../../domain/clock.js';
import type { ConversationAddress } from '../../ports/messages.js';
import { cleanDisplayName, UNNAMED_STAFF } from '../../domain/text/displayNames.js';
import { isAllowedServiceUrl } from './domain/serviceUrls.js';
import type { AddressBook, GoneReason, StoredAddress } from './addressBookStores.js';

/** A member of staff's own row is kept this long after they last wrote to the bot (about 13 months). */
export const STAFF_ROW_KEPT_MS = 400 * 24 * 3600_000;

/**
 * The bot's address book: where each conversation (the termly digest) and each staff member's own chat
 * (worry alerts) can be reached later. Kept by the channel layer as the bot is installed, removed and
 * spoken to; read by whatever sends outside a turn. Every address is held to one service-URL rule.
 */
export class AddressBookService {
  constructor(
    private readonly addresses: AddressBook,
    private readonly clock: Clock,
    /** Loopback service URLs are accepted only when running locally (Agents Playground, tests). */
    private readonly opts: { allowLoopback: boolean },
  ) {}

  /** Remembers where a conversation can be reached (on install, first contact, or subscribe). */
  async rememberAddress(address: ConversationAddress, opts: { seenAgain?: boolean } = {}): Promise<boolean> {
    if (!this.allowed(address)) return false;
    await this.addresses.save(address, this.clock.now(), { unlessRecent: Boolean(opts.seenAgain) });
    return true;
  }

  /**
   * A staff member's 1:1 chat (worry alerts go there), under the same service-URL rule as every address,
   * with the display name the channel gave them (kept with the address, deleted with it).
   */
  async rememberPerson(userId: string, address: ConversationAddress, name?: string): Promise<boolean> {
    if (!this.allowed(address)) return false;
    await this.addresses.savePerson(userId, address, this.clock.now(), cleanDisplayName(name));
    return true;
  }

  /**
   * Staff ids to the names to show, in one lookup for a whole view: an id with no name kept reads
   * "a member of staff", never the id itself. The stored records keep ids (names change; ids are the audit key).
   */
  async staffNames(userIds: Iterable<string>): Promise<(userId: string) => string> {
    const ids = [...new Set(userIds)];
    const names = ids.length > 0 ? await this.addresses.names(ids) : new Map<string, string>();
    return (userId) => names.get(userId) ?? UNNAMED_STAFF;
  }

  /** A member of staff removed the app from their own chat: their chat address and name go at once. */
  async forgetPerson(userId: string): Promise<void> {
    await this.addresses.forgetPerson(userId);
  }

  /**
   * Staff who have left, forgotten: a row whose person holds no staff role any more (taken away with
   * `npm run roles`), or who has not written to the bot for STAFF_ROW_KEPT_MS (an account closed sends no
   * word). Their records keep the id; views then name them "a member of staff". Writing again brings it back.
   */
  async forgetStaffWhoLeft(roles: { rolesOf(userId: string): Promise<readonly string[]> }): Promise<{
    kept: number;
    forgotten: number;
  }> {
    const now = this.clock.now().getTime();
    let kept = 0;
    let forgotten = 0;
    for (const { userId, seenAt } of await this.addresses.people()) {
      const stale = now - seenAt.getTime() > STAFF_ROW_KEPT_MS;
      if (stale || (await roles.rolesOf(userId)).length === 0) {
        if (await this.addresses.forgetPerson(userId)) forgotten++;
      } else kept++;
    }
    return { kept, forgotten };
  }

  async forgetAddress(conversationId: string): Promise<void> {
    await this.addresses.markGone(conversationId, 'uninstalled', this.clock.now());
  }

  /** Teams said the conversation is gone (403: the bot was blocked; 404: the conversation was removed). */
  async markGone(conversationId: string, reason: Exclude<GoneReason, 'uninstalled'>): Promise<void> {
    await this.addresses.markGone(conversationId, reason, this.clock.now());
  }

  personalChat(userId: string): Promise<ConversationAddress | undefined> {
    return this.addresses.personalChat(userId);
  }

  /** Every conversation that can be sent to now: active, and under the service-URL rule. */
  async reachable(): Promise<Map<string, StoredAddress>> {
    const reachable = new Map<string, StoredAddress>();
    for (const [id, a] of await this.addresses.all())
      if (a.status === 'active' && this.allowed(a)) reachable.set(id, a);
    return reachable;
  }

  private allowed(address: ConversationAddress): boolean {
    return isAllowedServiceUrl(address.serviceUrl, { allowLoopback: this.opts.allowLoopback });
  }
}
