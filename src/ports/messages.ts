/**
 * What the bot says and where it can say it, with no channel types: the handlers and services use these,
 * and the channel layer (src/bot) turns them into Bot Framework activities.
 */

/** A rendered Adaptive Card (the JSON a client renders). */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Action.Execute where the client sends it (Teams), Action.Submit elsewhere (Web Chat). */
export type ActionType = 'Action.Execute' | 'Action.Submit';

/**
 * What the bot says. With a card, `text` is a one-line summary shown beside it (and in notifications),
 * and `fullText` — everything the card says, as plain text — is the card's fallback for clients that
 * cannot render cards and for screen readers.
 */
export type Reply = { text: string; card?: AdaptiveCardJson; fullText?: string };

export type ConversationType = 'personal' | 'groupChat' | 'channel';

/** Where a later message to a conversation must go (the termly digest): only what a send needs. */
export type ConversationAddress = {
  conversationId: string;
  serviceUrl: string;
  channelId: string;
  conversationType: ConversationType;
  tenantId?: string;
  botId?: string;
};
