import type { StaffRole } from '../domain/access/roles.js';
import type { ActionType, ConversationAddress, ConversationType, Reply } from './messages.js';

/**
 * One incoming turn as the handlers see it: no botbuilder types, so the handlers survive the move from
 * the archived Bot Framework SDK to its successor. The channel layer (src/bot) builds this.
 */
export interface Turn {
  /** What the person typed, with any @mention of the bot removed. */
  text: string;
  /** Data of a pressed card button (Action.Submit or Action.Execute), when there is one. */
  value?: Record<string, unknown>;
  userId?: string;
  /**
   * The display name the channel gives the sender (Teams: their name in the organisation), cleaned and
   * length-limited; absent on some channels. For showing, never for deciding: ids decide.
   */
  userName?: string;
  conversationId: string;
  /** Channel conversation type: personal 1:1, group chat or a team channel. */
  conversationType: ConversationType;
  /** Where a later message to this conversation must go (the termly digest): only what a send needs. */
  address: ConversationAddress;
  /** Action.Execute where the client sends it (Teams), Action.Submit elsewhere (Web Chat). */
  cardActionType: ActionType;
  /** Whether a pressed card can be replaced in place (Teams); elsewhere a replacement is a new message. */
  canReplaceCards: boolean;
  /** The channel's id of this activity: Teams re-sends a slow turn with the same id. */
  activityId?: string;
  roles(): Promise<StaffRole[]>;
  send(reply: Reply): Promise<void>;
  /**
   * Long work to run after this turn has been answered (the turn itself must answer in seconds: Teams
   * re-sends a turn that takes over 15 s). Its result is reported by a later, proactive message.
   */
  defer(work: () => Promise<void>): void;
}

/**
 * What a card button's handler asks for besides the messages it sent: the card to put in place of the
 * pressed one. The channel layer makes it the invoke response (Teams, in place), an update of the
 * pressed message, or a new message (Web Chat).
 */
export type CardOutcome = { replaceWith?: Reply } | void;
