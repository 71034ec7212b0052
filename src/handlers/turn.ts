import type { StaffRole } from '../config/config.js';
import type { ActionType } from '../cards/cardModels.js';
import type { AdaptiveCardJson } from '../cards/renderCard.js';

/**
 * One incoming turn as the handlers see it: no botbuilder types, so the handlers survive the move from
 * the archived Bot Framework SDK to its successor. The channel layer (src/bot) builds this.
 */
/**
 * What the bot says. With a card, `text` is a one-line summary shown beside it (and in notifications),
 * and `fullText` — everything the card says, as plain text — is the card's fallback for clients that
 * cannot render cards and for screen readers.
 */
export type Reply = { text: string; card?: AdaptiveCardJson; fullText?: string };

export type ConversationAddress = {
  conversationId: string;
  serviceUrl: string;
  channelId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  tenantId?: string;
  botId?: string;
};

export interface Turn {
  /** What the person typed, with any @mention of the bot removed. */
  text: string;
  /** Data of a pressed card button (Action.Submit or Action.Execute), when there is one. */
  value?: Record<string, unknown>;
  userId?: string;
  conversationId: string;
  /** Channel conversation type: personal 1:1, group chat or a team channel. */
  conversationType: 'personal' | 'groupChat' | 'channel';
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
  /** Replaces the card whose button was pressed (in place where the channel allows it). */
  replacePressedCard(reply: Reply): Promise<void>;
}

export interface TurnHandler {
  handle(turn: Turn): Promise<void>;
}
