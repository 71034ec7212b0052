import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';

/**
 * The Bot Framework adapter. Without MicrosoftAppId it accepts unauthenticated local traffic (Agents
 * Playground, tests); with credentials every request's token is checked by the SDK.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType ?? '',
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    // Log the detail for us; never show a stack trace or error message to the person.
    logger.error({ err: error, activityType: context.activity.type, channel: context.activity.channelId }, 'turn failed');
    try {
      await context.sendActivity('Sorry, something went wrong on my side. Nothing you saved has been lost — please try again in a moment.');
    } catch (sendError) {
      logger.error({ err: sendError }, 'could not tell the user about a failed turn');
    }
  };
  return adapter;
}
