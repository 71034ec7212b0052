import { renderCard } from './renderCard.js';
import type { CardDataByTemplate, CardTemplateName } from './cardModels.js';
import type { Reply } from '../ports/messages.js';

/** What a presenter makes of some figures: the card's data, everything as plain text, and a one-line summary. */
export type Presented<N extends CardTemplateName> = { card: CardDataByTemplate[N]; text: string; summary: string };

/** A presented answer as a reply: the card, its summary beside it and the full text as its fallback. */
export function cardReply<N extends CardTemplateName>(template: N, presented: Presented<N>): Reply {
  return { text: presented.summary, card: renderCard(template, presented.card), fullText: presented.text };
}
