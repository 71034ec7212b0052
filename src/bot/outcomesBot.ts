import { ActivityHandler, type Activity, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AccessControl } from '../app/access.js';
import type { Router } from '../handlers/router.js';
import type { Reply } from '../handlers/turn.js';
import { mayHoldStaffRoles, tenantAllowed } from './tenantPolicy.js';
import { toTurn } from './teamsTurn.js';

/**
 * The bot only routes: messages and card presses go to the Router, which picks one handler per intent
 * or card verb. No domain logic and no storage code here.
 */
export class OutcomesBot extends ActivityHandler {
  constructor(
    private readonly router: Router,
    private readonly access: AccessControl,
    private readonly allowedTenants: string[],
  ) {
    super();
    this.onMessage(async (context, next) => {
      const value = isRecord(context.activity.value) ? context.activity.value : undefined;
      await this.router.route(toTurn(context, { value, roles: () => this.rolesOf(context) }));
      await next();
    });
    // The family page announces which survey its link is for with an event, so the code is never shown.
    this.onEvent(async (context, next) => {
      const code = (context.activity.value as { code?: unknown } | undefined)?.code;
      if (context.activity.name === 'survey/start' && typeof code === 'string') {
        await this.router.startFromLink(this.turnOf(context), code);
      }
      await next();
    });
    // Teams says when the app is installed or removed; the conversation's address is kept or marked gone.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.router.installed(this.turnOf(context));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.router.uninstalled(this.turnOf(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await this.router.installed(this.turnOf(context));
      if (context.activity.membersAdded?.some((m) => m.id !== botId)) await this.router.welcome(this.turnOf(context));
      await next();
    });
  }

  /** Every activity, of every type and channel, passes the tenant check before anything else runs. */
  override async run(context: TurnContext): Promise<void> {
    if (tenantAllowed(context.activity, this.allowedTenants)) {
      // botbuilder reads a card action's fields without checking them: a malformed one is refused here.
      if (context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action' && !cardActionInvoke.safeParse(context.activity.value).success) {
        await context.sendActivity(invokeError(400, 'BadRequest', 'This card action could not be read. Please use the latest card.'));
        return;
      }
      return super.run(context);
    }
    if (context.activity.type === 'message') await context.sendActivity('Sorry, this app is not available for your organisation.');
    if (context.activity.type === 'invoke') await context.sendActivity(invokeError(403, 'Forbidden', 'Not available for this organisation.'));
  }

  /** Teams sends Action.Execute as an invoke; the reply card replaces the pressed card in place. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    let replacement: Reply | undefined;
    const data = isRecord(invokeValue?.action?.data) ? invokeValue.action.data : {};
    const value = { ...data, verb: invokeValue?.action?.verb ?? data.verb };
    await this.router.route(toTurn(context, { value, roles: () => this.rolesOf(context), onReplaceCard: (r) => (replacement = r) }));
    if (replacement?.card) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: replacement.card };
    // Nothing to put in place of the card (e.g. a refused save): point to the reply sent in the chat.
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: (replacement?.text ?? 'Please see my reply in the chat.') as never };
  }

  private turnOf(context: TurnContext) {
    return toTurn(context, { roles: () => this.rolesOf(context) });
  }

  /** Staff roles only for Teams users; anyone elsewhere is a family, whatever they claim. */
  private async rolesOf(context: TurnContext) {
    return mayHoldStaffRoles(context.activity) ? this.access.rolesOf(userIdOf(context)) : [];
  }
}

/** An Adaptive Card Action.Execute invoke, as Teams sends it. */
const cardActionInvoke = z.looseObject({
  action: z.looseObject({ type: z.string().max(100), verb: z.string().max(200).optional(), data: z.record(z.string(), z.unknown()).optional() }),
});

function invokeError(status: number, code: string, message: string): Partial<Activity> {
  return { type: 'invokeResponse', value: { status, body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } } } };
}

function userIdOf(context: TurnContext): string | undefined {
  return context.activity.from?.aadObjectId ?? context.activity.from?.id;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
