import type { z } from 'zod';
import type { Ability } from '../domain/access/roles.js';
import type { Understanding } from '../understanding/understand.js';
import type { CardOutcome, Turn } from '../ports/turn.js';

import type { IntentReader } from '../understanding/intentReader.js';

export type IntentName = Understanding['intent'];
export type IntentOf<N extends IntentName> = Extract<Understanding, { intent: N }>;

/** Who may use a route: anyone, or people with an ability (which may depend on what they asked). */
export type Requirement<I> = Ability | 'anyone' | ((input: I) => Ability | 'anyone');

/**
 * One thing the bot answers to, declared in one module: what it answers, who may use it and what they
 * are told otherwise, the shape of its input (checked before the handler runs), and the handler.
 * The router checks the requirement and the input once; handlers do neither.
 */
type Declared<I> = {
  requires: Requirement<I>;
  /** Said to someone without the ability (families also get a pointer to their survey). */
  refusal: string | ((input: I) => string);
  input: z.ZodType<I>;
};

/** A question or command typed in the chat, as the understanding names it. */
export type IntentRoute<N extends IntentName = IntentName> = Declared<IntentOf<N>> & {
  intent: N;
  handle(turn: Turn, input: IntentOf<N>): Promise<void>;
};

/** A pressed card button (Action.Execute verb, or the `verb` field of an Action.Submit). */
export type CardRoute<I = unknown> = Declared<I> & {
  verb: string;
  /** Said when the card's data does not have the expected shape (an old or altered card). */
  unreadable: string;
  handle(turn: Turn, input: I): Promise<CardOutcome>;
};

/**
 * Declares a route with its input type tied to its handler, and returns it in the one shape the router
 * holds. The widening is sound because the router runs `handle` only with what `input` has parsed.
 */
export function intentRoute<N extends IntentName>(route: IntentRoute<N>): IntentRoute & { intent: N } {
  return route as unknown as IntentRoute & { intent: N };
}

/**
 * A capability's own intent, declared once in its folder: how it is read from a message and how it is
 * answered. Listing it in the route table is all the wiring it needs.
 */
export type CapabilityIntent<N extends IntentName, Deps> = {
  reader: IntentReader<N>;
  route(deps: Deps): IntentRoute & { intent: N };
};

export function cardRoute<I>(route: CardRoute<I>): CardRoute {
  return route as unknown as CardRoute;
}
