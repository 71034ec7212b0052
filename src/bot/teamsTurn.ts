import { ActivityTypes, CardFactory, type Activity, type TurnContext } from 'botbuilder';
import type { StaffRole } from '../domain/access/roles.js';
import { cleanDisplayName } from '../domain/text/displayNames.js';
import { withoutControlCharacters } from '../domain/text/safeText.js';
import type { AdaptiveCardJson, ConversationAddress, ConversationType, Reply } from '../ports/messages.js';
import type { Turn } from '../ports/turn.js';

/** Where the messages route collects work to run once the turn's response has been sent. */
export const DEFERRED = Symbol('deferred work');

/** Builds the channel-neutral Turn the handlers use from a botbuilder TurnContext. */
export function toTurn(
  context: TurnContext,
  opts: { value?: Record<string, unknown>; roles: () => Promise<StaffRole[]> },
): Turn {
  const activity = context.activity;
  const text = textWithoutBotMention(activity);
  const address = addressOf(activity);
  const conversationType = address.conversationType;
  let rolesPromise: Promise<StaffRole[]> | undefined;
  return {
    address,
    text,
    // Where people's text enters: control characters are dropped here, once, for every handler.
    value: opts.value ? (withoutControlCharactersIn(opts.value) as Record<string, unknown>) : undefined,
    userId: userIdOf(activity),
    ...(userNameOf(activity) !== undefined ? { userName: userNameOf(activity) } : {}),
    conversationId: activity.conversation.id,
    conversationType,
    cardActionType: activity.channelId === 'msteams' ? 'Action.Execute' : 'Action.Submit',
    canReplaceCards: activity.channelId === 'msteams',
    activityId: activity.id,
    roles: () => (rolesPromise ??= opts.roles()),
    defer: (work) => {
      const deferred = context.turnState.get(DEFERRED) as (() => Promise<void>)[] | undefined;
      if (deferred) deferred.push(work);
      else setImmediate(() => void work().catch(() => undefined));
    },
    send: async (reply) => {
      for (const activity of activitiesFor(reply)) await context.sendActivity(activity);
    },
  };
}

/**
 * What was typed, without the bot's own @mention (Teams puts "<at>Bot</at>" in the text). The entities
 * come from the channel unchecked, so botbuilder's removeRecipientMention fails the turn on a null entity
 * or a mention without text: anything malformed is skipped here instead, and the message still answered.
 * Some channels (the local Direct Line) leave out the recipient; there is then no mention to remove.
 */
export function textWithoutBotMention(activity: Activity): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  const entities: unknown = activity.entities;
  if (botId && Array.isArray(entities))
    for (const entity of entities) {
      if (!isRecord(entity) || typeof entity.type !== 'string' || entity.type.toLowerCase() !== 'mention') continue;
      const mentioned = entity.mentioned;
      if (!isRecord(mentioned) || mentioned.id !== botId) continue;
      // One entity stands for one mention: remove one occurrence of its text.
      if (typeof entity.text === 'string' && entity.text !== '') text = text.replace(entity.text, () => '');
    }
  return withoutControlCharacters(text).trim();
}

/** A card's submitted data with control characters dropped from every string in it (keys too). */
function withoutControlCharactersIn(value: unknown): unknown {
  if (typeof value === 'string') return withoutControlCharacters(value);
  if (Array.isArray(value)) return value.map(withoutControlCharactersIn);
  if (isRecord(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [withoutControlCharacters(k), withoutControlCharactersIn(v)]),
    );
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Who is speaking: their Entra object id in Teams, the channel's id for them elsewhere. */
export function userIdOf(activity: Activity): string | undefined {
  return activity.from?.aadObjectId ?? activity.from?.id;
}

/** The sender's display name as the channel gives it (absent on some), cleaned and length-limited. */
export function userNameOf(activity: Activity): string | undefined {
  return cleanDisplayName(activity.from?.name);
}

/** Where a later message to this activity's conversation must go: only what a send needs. */
export function addressOf(activity: Activity): ConversationAddress {
  const conversationType = conversationTypeOf(activity);
  const tenantId =
    activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return {
    // In a channel, a reply thread's id ends ";messageid=…": the digest goes to the channel as a new post.
    conversationId:
      conversationType === 'channel' ? activity.conversation.id.split(';messageid=')[0] : activity.conversation.id,
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    conversationType,
    ...(tenantId ? { tenantId } : {}),
    ...(activity.recipient?.id ? { botId: activity.recipient.id } : {}),
  };
}

/**
 * Whether the conversation is one person's. What is shown only to its reader (a review's answers, alerts
 * meant for one person) depends on it, so only what is known to be one person's counts: Teams' "personal",
 * and a conversation with no type on the other channels (Web Chat is one person's by nature). Anything
 * else, in Teams a missing type or one added later ("meeting"), is taken as shared: a group chat.
 */
function conversationTypeOf(activity: Activity): ConversationType {
  const conversation = activity.conversation as { conversationType?: unknown; isGroup?: unknown } | undefined;
  const type = conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat') return type;
  if (conversation?.isGroup === true) return 'groupChat';
  if (type === 'personal' || (type === undefined && activity.channelId !== 'msteams')) return 'personal';
  return 'groupChat';
}

export function toActivity(reply: Reply): Partial<Activity> {
  if (!reply.card) return { type: ActivityTypes.Message, text: reply.text };
  const card = { ...reply.card, fallbackText: reply.fullText ?? reply.text };
  // No text beside a card: clients show it as a second bubble that repeats the card. The summary is what
  // Teams shows in notifications, and the card's fallback text is read where cards cannot be shown.
  return { type: ActivityTypes.Message, summary: reply.text, attachments: [CardFactory.adaptiveCard(card)] };
}

/**
 * Teams refuses an activity over about 28 KB (in bytes, as sent). Every activity the bot sends is kept
 * under this, leaving about 1.6 KB for what the connector adds (ids, addresses, the reply-to): a termly digest
 * (about 25.5 KB) still goes as one message.
 */
export const MAX_ACTIVITY_BYTES = 27_000;
const TOO_LONG = 'This was too long to show in the chat.';

/**
 * A reply as the activities that carry it, none over MAX_ACTIVITY_BYTES: as one message when it fits;
 * else a card without its long fallback text, or split into several cards (whole elements, in order, the
 * buttons on the last); a text split at line ends. Sections kept behind buttons (Action.ShowCard) are split
 * too: a set of such buttons too big for one message goes one button a message, and a section too big for one
 * message is shown by several buttons ("Measures (1 of 2)", "Measures (2 of 2)"), each with a part of it. A
 * form cannot be split (its inputs and its button must stay together), nor an element bigger than a message:
 * then its summary is sent, saying so. The presenters size their cards to fit (a review's words go by bytes);
 * this is the net under all of them.
 */
export function activitiesFor(reply: Reply): Partial<Activity>[] {
  const whole = toActivity(reply);
  if (fits(whole)) return [whole];
  if (!reply.card) return textMessages(reply.text);
  const plain = toActivity({ text: reply.text, card: reply.card });
  if (fits(plain)) return [plain];
  return splitCard(reply.card, reply.text) ?? textMessages(`${reply.text}\n\n${TOO_LONG}`);
}

function fits(activity: Partial<Activity>): boolean {
  return jsonBytes(activity) <= MAX_ACTIVITY_BYTES;
}

type Element = Record<string, unknown>;
const isShowCard = (a: unknown): a is Element & { title?: string; card: Element & { body: unknown[] } } =>
  isRecord(a) && a.type === 'Action.ShowCard' && isRecord(a.card) && Array.isArray(a.card.body);

function splitCard(card: AdaptiveCardJson, summary: string): Partial<Activity>[] | undefined {
  if (!Array.isArray(card.body) || JSON.stringify(card).includes('"Input.')) return undefined;
  // The card's own sections behind buttons join its body as a set of buttons, so they split like the rest;
  // its other buttons go on the last part.
  const own = Array.isArray(card.actions) ? (card.actions as unknown[]) : [];
  const shown = own.filter(isShowCard);
  const actions = own.filter((a) => !isShowCard(a));
  const body = shown.length ? [...card.body, { type: 'ActionSet', actions: shown }] : card.body;
  // Each part is measured with the buttons on, so the last one (which gets them) fits too.
  const part = (elements: unknown[], last: boolean) => {
    const { actions: _, ...rest } = card;
    return toActivity({
      text: summary,
      card: { ...rest, body: elements, ...(last && actions.length ? { actions } : {}) },
    });
  };
  const alone = (element: unknown) => fits(part([element], true));
  const pieces: unknown[] = [];
  for (const element of body) {
    const split = piecesOf(element, alone);
    if (!split) return undefined;
    pieces.push(...split);
  }
  const groups: unknown[][] = [[]];
  for (const piece of pieces) {
    const current = groups.at(-1)!;
    if (fits(part([...current, piece], true))) current.push(piece);
    else groups.push([piece]);
  }
  return groups.map((elements, i) => part(elements, i === groups.length - 1));
}

/**
 * An element as pieces that each fit a message alone: itself when it fits; a set of buttons one button a
 * set; a section behind one button as several buttons, each showing a run of the section's elements.
 */
function piecesOf(element: unknown, alone: (element: unknown) => boolean): unknown[] | undefined {
  if (alone(element)) return [element];
  if (!isRecord(element) || element.type !== 'ActionSet' || !Array.isArray(element.actions)) return undefined;
  if (element.actions.length > 1) {
    const out: unknown[] = [];
    for (const action of element.actions) {
      const split = piecesOf({ ...element, actions: [action] }, alone);
      if (!split) return undefined;
      out.push(...split);
    }
    return out;
  }
  const action: unknown = element.actions[0];
  if (!isShowCard(action)) return undefined;
  const showing = (items: unknown[], title: string | undefined) => ({
    ...element,
    actions: [{ ...action, ...(title !== undefined ? { title } : {}), card: { ...action.card, body: items } }],
  });
  // Measured with the longest title a part may get ("Measures (12 of 12)").
  const longest = `${action.title ?? 'More'} (999 of 999)`;
  const runs: unknown[][] = [];
  for (const item of action.card.body) {
    const current = runs.at(-1);
    if (current && alone(showing([...current, item], longest))) current.push(item);
    else if (alone(showing([item], longest))) runs.push([item]);
    else return undefined;
  }
  return runs.map((items, i) =>
    showing(items, runs.length > 1 ? `${action.title ?? 'More'} (${i + 1} of ${runs.length})` : action.title),
  );
}

/** A text as messages under the limit, split at line ends (a line too long for one is cut between characters). */
function textMessages(text: string): Partial<Activity>[] {
  const message = (t: string): Partial<Activity> => ({ type: ActivityTypes.Message, text: t });
  // Measured as it is sent: JSON escaping and UTF-8 are per character, so the bytes add up.
  const budget = MAX_ACTIVITY_BYTES - jsonBytes(message(''));
  const out: string[] = [];
  let current: string | undefined;
  let size = 0;
  for (const line of text.split('\n')) {
    const lineBytes = jsonBytes(line) - 2;
    if (current !== undefined && size + 2 + lineBytes <= budget) {
      current = `${current}\n${line}`;
      size += 2 + lineBytes;
      continue;
    }
    if (current !== undefined) out.push(current);
    current = '';
    size = 0;
    for (const char of lineBytes <= budget ? [line] : line) {
      const bytes = jsonBytes(char) - 2;
      if (size + bytes > budget) {
        out.push(current);
        current = '';
        size = 0;
      }
      current += char;
      size += bytes;
    }
  }
  if (current !== undefined) out.push(current);
  return out.map(message);
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
