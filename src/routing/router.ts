import { can, type StaffRole } from '../domain/access/roles.js';
import { readMessage } from '../understanding/readMessage.js';
import { readFollowUp } from '../understanding/followUp.js';
import type { MeasureVocab, QuestionVocab, ServiceVocab, Understanding } from '../understanding/understand.js';
import type { AnyIntentReader } from '../understanding/intentReader.js';
import type { CardOutcome, Turn } from '../ports/turn.js';
import type { CardRoute, IntentName, IntentRoute, Requirement } from './route.js';

/** What families are told beside a refusal: they are here for their survey. */
const FAMILY_HINT = 'If you have a survey invitation, type its code to start or carry on.';
const UNKNOWN_BUTTON = 'Sorry, I don\'t recognise that button any more. Type "help" to see what I can do.';

export type RouteTable = {
  intents: readonly IntentRoute[];
  cards: readonly CardRoute[];
  /** The waiting-list services the understanding knows by name. */
  services: () => readonly ServiceVocab[];
  /** The framework measures it knows by their subjects. */
  measures: () => readonly MeasureVocab[];
  /** The survey's scored questions, read by their own words. */
  questions?: () => readonly QuestionVocab[];
  /** How capabilities' own intents are read (declared in their folders, listed in the route table). */
  readers?: readonly AnyIntentReader[];
  /** The last question of each conversation, for follow-ups; without it every message stands alone. */
  context?: {
    recall(conversationId: string): Promise<Understanding | undefined>;
    remember(conversationId: string, question: Understanding): Promise<void>;
  };
};

/** Questions a follow-up can change ("what about last term?"). */
const FOLLOWABLE: ReadonlySet<string> = new Set(['scores', 'waits', 'responseRate', 'measure', 'themes']);

/**
 * Finds the one route for a turn — a card verb, or the intent of what was typed — checks that the person
 * may use it and that its input has the declared shape, and runs its handler. Nothing else.
 */
export class Router {
  private readonly intents = new Map<IntentName, IntentRoute>();
  private readonly cards = new Map<string, CardRoute>();

  constructor(private readonly table: RouteTable) {
    for (const route of table.intents) this.intents.set(route.intent, route);
    for (const route of table.cards) this.cards.set(route.verb, route);
  }

  /** The intents and card verbs routed, so a test can hold the readers and the card templates to them. */
  routed(): { intents: IntentName[]; verbs: string[] } {
    return { intents: [...this.intents.keys()], verbs: [...this.cards.keys()] };
  }

  /** A typed message. */
  async routeText(turn: Turn): Promise<void> {
    if (!turn.text) return;
    const services = this.table.services();
    const measures = this.table.measures();
    const fresh = readMessage(turn.text, services, measures, this.table.readers, this.table.questions?.());
    const previous = await this.table.context?.recall(turn.conversationId);
    const understanding = previous ? readFollowUp(turn.text, fresh, previous, services, measures) : fresh;
    const answered = await this.answer(turn, understanding);
    if (answered && FOLLOWABLE.has(understanding.intent))
      await this.table.context?.remember(turn.conversationId, understanding);
  }

  /** A pressed card button. The outcome says which card, if any, takes the pressed one's place. */
  async routeCard(turn: Turn): Promise<CardOutcome> {
    const verb = typeof turn.value?.verb === 'string' ? turn.value.verb : '';
    const route = this.cards.get(verb);
    if (!route) {
      await turn.send({ text: UNKNOWN_BUTTON });
      return;
    }
    const input = route.input.safeParse(turn.value ?? {});
    if (!input.success) {
      await turn.send({ text: route.unreadable });
      return;
    }
    if (!(await this.permitted(turn, route.requires, route.refusal, input.data))) return;
    return route.handle(turn, input.data);
  }

  /** Runs the route of an understanding; false when the person may not have it answered. */
  private async answer(turn: Turn, understanding: Understanding): Promise<boolean> {
    const route = this.intents.get(understanding.intent);
    if (!route) throw new Error(`no route for the intent "${understanding.intent}"`);
    const input = route.input.safeParse(understanding);
    // The understanding is ours: a shape the route does not accept is a bug, not the person's mistake.
    if (!input.success)
      throw new Error(
        `the understanding of "${understanding.intent}" does not match its route: ${input.error.issues[0]?.message}`,
      );
    // A clarifying question needs what the question it clarifies needs: nobody is asked to pick what they may not see.
    const [gate, gateInput] = this.gateOf(understanding);
    if (!(await this.permitted(turn, gate.requires, gate.refusal, gateInput))) return false;
    await route.handle(turn, input.data);
    return true;
  }

  private gateOf(u: Understanding): [Pick<IntentRoute, 'requires' | 'refusal'>, Understanding] {
    if (u.intent === 'clarify') return this.gateOf(u.partial);
    return [this.intents.get(u.intent) ?? { requires: 'anyone', refusal: '' }, u];
  }

  private async permitted<I>(
    turn: Turn,
    requires: Requirement<I>,
    refusal: string | ((input: I) => string),
    input: I,
  ): Promise<boolean> {
    const needed = typeof requires === 'function' ? requires(input) : requires;
    if (needed === 'anyone') return true;
    const roles: StaffRole[] = await turn.roles();
    if (can(roles, needed)) return true;
    const said = typeof refusal === 'function' ? refusal(input) : refusal;
    await turn.send({ text: roles.length === 0 ? `${said} ${FAMILY_HINT}` : said });
    return false;
  }
}
