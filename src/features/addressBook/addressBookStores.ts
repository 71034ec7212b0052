import type { ConversationAddress } from '../../ports/messages.js';

/** Where the bot can reach a conversation, or a staff member's own chat, later (outside any turn). */

export type GoneReason = 'uninstalled' | 'blocked' | 'removed';
export type StoredAddress = ConversationAddress & {
  status: 'active' | 'gone';
  goneReason?: GoneReason;
  updatedAt: string;
  /** On a staff member's own chat only: the display name the channel gave them when they last wrote. */
  name?: string;
};

export interface AddressBook {
  /** `unlessRecent`: skip the write when the same address is stored, active, and less than a day old (seen again, not installed). */
  save(address: ConversationAddress, at: Date, opts?: { unlessRecent?: boolean }): Promise<void>;
  get(conversationId: string): Promise<StoredAddress | undefined>;
  markGone(conversationId: string, reason: GoneReason, at: Date): Promise<void>;
  all(): Promise<Map<string, StoredAddress>>;
  /**
   * A staff member's 1:1 chat with the bot (for alerts meant for them alone), kept when they write there,
   * with the display name the channel gave them then (absent on some channels: a name kept before stays).
   */
  savePerson(userId: string, address: ConversationAddress, at: Date, name?: string): Promise<void>;
  personalChat(userId: string): Promise<ConversationAddress | undefined>;
  /** The display names kept for these staff, in one lookup; an id with no name kept is left out. */
  names(userIds: readonly string[]): Promise<Map<string, string>>;
  /** Every staff member's own-chat row: whose, and when they last wrote there (to forget those who left). */
  people(): Promise<KeptPerson[]>;
  /** Deletes a staff member's row, address and display name together; false when there was none. */
  forgetPerson(userId: string): Promise<boolean>;
}

export type KeptPerson = { userId: string; seenAt: Date };
