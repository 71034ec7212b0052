import {
  ActivityHandler,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import type { ConversationEvents } from '../routing/routes.js';
import type { Router } from '../routing/router.js';
import type { Reply } from '../ports/messages.js';
import type { CardOutcome, Turn } from '../ports/turn.js';
import { rolesOf, type RoleLookup } from './roles.js';
import { tenantAllowed } from './tenantPolicy.js';
import { activitiesFor, toTurn } from './teamsTurn.js';

/**
 * The bot only routes: typed messages and card presses go to the Router, which picks one handler per
 * intent or card verb; joins and personal links go to the conversation events. No domain logic and no
 * storage code here.
 */
export class OutcomesBot extends ActivityHandler {
  constructor(
    private readonly router: Router,
    private readonly events: ConversationEvents,
    private readonly access: RoleLookup,
    private readonly allowedTenants: string[],
  ) {
    super();
    this.onMessage(async (context, next) => {
      const value = isRecord(context.activity.value) ? context.activity.value : undefined;
      const turn = this.turnOf(context, value);
      // Action.Submit (Web Chat, and older Teams cards) arrives as a message carrying the button's verb.
      if (typeof value?.verb === 'string' && value.verb !== '') await this.submitted(context, turn);
      else if (!(await this.events.surveyText?.(turn))) await this.router.routeText(turn);
      await next();
    });
    // The family page announces which survey its link is for with an event, so the code is never shown.
    this.onEvent(async (context, next) => {
      const code = (context.activity.value as { code?: unknown } | undefined)?.code;
      if (context.activity.name === 'survey/start' && typeof code === 'string')
        await this.events.surveyLink(this.turnOf(context), code);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id !== botId)) await this.events.welcome(this.turnOf(context));
      await next();
    });
  }

  /** Every activity, of every type and channel, passes the tenant check before anything else runs. */
  override async run(context: TurnContext): Promise<void> {
    if (tenantAllowed(context.activity, this.allowedTenants)) {
      // botbuilder reads a card action's fields without checking them: a malformed one is refused here.
      if (
        context.activity.type === 'invoke' &&
        context.activity.name === 'adaptiveCard/action' &&
        !cardActionInvoke.safeParse(context.activity.value).success
      ) {
        await context.sendActivity(
          invokeError(400, 'BadRequest', 'This card action could not be read. Please use the latest card.'),
        );
        return;
      }
      return super.run(context);
    }
    if (context.activity.type === 'message')
      await context.sendActivity('Sorry, this app is not available for your organisation.');
    if (context.activity.type === 'invoke')
      await context.sendActivity(invokeError(403, 'Forbidden', 'Not available for this organisation.'));
  }

  /** Teams sends Action.Execute as an invoke; the card the handler returns replaces the pressed card in place. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data = isRecord(invokeValue?.action?.data) ? invokeValue.action.data : {};
    const outcome = await this.router.routeCard(
      this.turnOf(context, { ...data, verb: invokeValue?.action?.verb ?? data.verb }),
    );
    const replacement = outcome?.replaceWith;
    if (replacement?.card) {
      const parts = activitiesFor(replacement);
      const card = parts.length === 1 ? parts[0]!.attachments?.[0]?.content : undefined;
      if (card) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
      // Too big to go in place of the pressed card: sent as messages (each under Teams' limit) instead.
      for (const part of parts) await context.sendActivity(part);
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Please see my reply in the chat.' as never,
      };
    }
    // Nothing to put in place of the card (e.g. a refused save): point to the reply sent in the chat.
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: (replacement?.text ?? 'Please see my reply in the chat.') as never,
    };
  }

  /**
   * A card pressed with Action.Submit. Where the replacement cannot go in place it is a new message, and
   * it must come before what the handler said next (the confirmation, then the next section): the
   * handler's messages are held until the replacement is out.
   */
  private async submitted(context: TurnContext, turn: Turn): Promise<void> {
    const held: Reply[] = [];
    const outcome = await this.router.routeCard({ ...turn, send: async (reply) => void held.push(reply) });
    await applyOutcome(context, outcome);
    for (const reply of held) await turn.send(reply);
  }

  private turnOf(context: TurnContext, value?: Record<string, unknown>) {
    return toTurn(context, { value, roles: () => rolesOf(context, this.access) });
  }
}

/** Teams can update the pressed message in place; Direct Line (Web Chat) cannot, so it gets a new message. */
async function applyOutcome(context: TurnContext, outcome: CardOutcome): Promise<void> {
  const replacement = outcome?.replaceWith;
  if (!replacement) return;
  const parts = activitiesFor(replacement);
  if (parts.length === 1 && context.activity.channelId === 'msteams' && context.activity.replyToId) {
    try {
      await context.updateActivity({ ...parts[0], id: context.activity.replyToId });
      return;
    } catch {
      // Fall through: a new message is better than losing the confirmation.
    }
  }
  for (const part of parts) await context.sendActivity(part);
}

/** An Adaptive Card Action.Execute invoke, as Teams sends it. */
const cardActionInvoke = z.looseObject({
  action: z.looseObject({
    type: z.string().max(100),
    verb: z.string().max(200).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

function invokeError(status: number, code: string, message: string): Partial<Activity> {
  return {
    type: 'invokeResponse',
    value: { status, body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } } },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
