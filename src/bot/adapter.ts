import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';

/**
 * CloudAdapter with its activity processing opened up: `process()` answers a failed authentication with
 * 500 and the error's own message (for example a failed DNS look-up of the token service) and prints a
 * stack trace; the messages route calls this instead and answers 401 with nothing of the internals.
 */
export class OutcomesAdapter extends CloudAdapter {
  handle(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authorization, activity, logic);
  }
}

/**
 * The Bot Framework adapter. Without MicrosoftAppId it accepts unauthenticated local traffic (Agents
 * Playground, tests); with credentials every request's token is checked by the SDK. A UserAssignedMSI bot
 * has no password: botbuilder signs in with DefaultAzureCredential for the managed identity whose client id
 * is MicrosoftAppId, so that id must be the identity's (test/integration/userAssignedMsi.test.ts).
 */
export function createAdapter(config: Config, logger: Logger): OutcomesAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType ?? '',
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  });
  const adapter = new OutcomesAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    // Log the detail for us; never show a stack trace or error message to the person.
    logger.error(
      { err: error, activityType: context.activity.type, channel: context.activity.channelId },
      'turn failed',
    );
    try {
      await context.sendActivity(
        'Sorry, something went wrong on my side. Nothing you saved has been lost — please try again in a moment.',
      );
    } catch (sendError) {
      logger.error({ err: sendError }, 'could not tell the user about a failed turn');
    }
  };
  return adapter;
}
