import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { can } from '../domain/access/roles.js';
import type { ConversationAddress } from '../ports/messages.js';
import { rolesOf, type RoleLookup } from './roles.js';
import { tenantAllowed } from './tenantPolicy.js';
import { addressOf, userIdOf, userNameOf } from './teamsTurn.js';

export type AddressKeeper = {
  rememberAddress(address: ConversationAddress, opts?: { seenAgain?: boolean }): Promise<boolean>;
  forgetAddress(conversationId: string): Promise<void>;
  /** A member of staff removed the app from their own chat: their address and display name go. */
  forgetPerson(userId: string): Promise<void>;
  /** A staff member's own 1:1 chat, where alerts meant for them alone go. */
  rememberPerson(userId: string, address: ConversationAddress, name?: string): Promise<boolean>;
};

/**
 * Keeps where each Teams conversation can be reached later (the termly digest): when the app is added to
 * a chat or team, and when staff speak to it. Families' conversations are never kept. Uninstalling marks
 * the conversation gone. Runs before the bot, for allowed tenants only.
 */
export class AddressCapture implements Middleware {
  constructor(
    private readonly keeper: AddressKeeper,
    private readonly access: RoleLookup,
    private readonly allowedTenants: string[],
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.channelId === 'msteams' && tenantAllowed(activity, this.allowedTenants)) {
      if (this.installed(context)) await this.keeper.rememberAddress(addressOf(activity));
      else if (activity.type === ActivityTypes.InstallationUpdate && isRemove(activity.action)) {
        const address = addressOf(activity);
        await this.keeper.forgetAddress(address.conversationId);
        // Removed from their own chat (a person leaving uninstalls it, or it is uninstalled for them).
        const userId = userIdOf(activity);
        if (address.conversationType === 'personal' && userId) await this.keeper.forgetPerson(userId);
      } else if (activity.type === ActivityTypes.Message && can(await rolesOf(context, this.access), 'seeFigures')) {
        const address = addressOf(activity);
        await this.keeper.rememberAddress(address, { seenAgain: true });
        const userId = userIdOf(activity);
        if (address.conversationType === 'personal' && userId)
          await this.keeper.rememberPerson(userId, address, userNameOf(activity));
      }
    }
    await next();
  }

  /** The app was added: an installation update, or the bot itself among the members added. */
  private installed(context: TurnContext): boolean {
    const a = context.activity;
    if (a.type === ActivityTypes.InstallationUpdate) return a.action === 'add' || a.action === 'add-upgrade';
    return (
      a.type === ActivityTypes.ConversationUpdate && Boolean(a.membersAdded?.some((m) => m.id === a.recipient?.id))
    );
  }
}

function isRemove(action: string | undefined): boolean {
  return action === 'remove' || action === 'remove-upgrade';
}
