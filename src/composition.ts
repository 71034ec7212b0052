import type { Server } from 'restify';
import { createAdapter } from './bot/adapter.js';
import { registerMessagesRoute } from './bot/messagesRoute.js';
import { OutcomesBot } from './bot/outcomesBot.js';
import type { Config } from './config/config.js';
import type { Logger } from './config/logger.js';
import { AdminHandlers } from './handlers/adminHandlers.js';
import { InviteHandler } from './handlers/inviteHandler.js';
import { Router } from './handlers/router.js';
import { ScoresHandler } from './handlers/scoresHandler.js';
import { SurveyHandlers } from './handlers/surveyHandlers.js';
import { DirectLineServiceTokens, LocalDirectLineTokens, type DirectLineTokens } from './http/directLineTokens.js';
import { registerFamilyPage } from './http/familyPage.js';
import { createHttpServer } from './http/server.js';
import type { Services } from './services.js';
import { WaitsHandler } from './handlers/waitsHandler.js';
import { DigestHandler } from './handlers/digestHandler.js';
import { createProactiveSender } from './bot/proactiveSender.js';
import { registerDigestRoutes } from './http/digestRoutes.js';

export { buildServices, type Services } from './services.js';

export type DirectLineSetup = { tokens: DirectLineTokens; origin: () => string };

/** Production exchanges the Direct Line secret; locally the page is pointed at the embedded Direct Line. */
export function directLineSetup(config: Config, localDomain: () => string): DirectLineSetup {
  if (config.directLineSecret) return { tokens: new DirectLineServiceTokens(config.directLineSecret, config.directLineEndpoint), origin: () => config.directLineEndpoint };
  return { tokens: new LocalDirectLineTokens(localDomain), origin: () => new URL(localDomain()).origin };
}

export function buildHttpApp(config: Config, services: Services, logger: Logger, directLine: DirectLineSetup = directLineSetup(config, () => 'http://localhost:1/directline')): Server {
  const router = new Router({
    survey: new SurveyHandlers(services.survey, services.bank),
    invite: new InviteHandler(services.invitationService),
    scores: new ScoresHandler(services.scores, services.bank),
    admin: new AdminHandlers(services.questionLog, services.erasure, services.clock),
    services: () => services.waits.catalogue,
    waits: new WaitsHandler(services.waits),
    digest: new DigestHandler(services.digests),
  });
  const bot = new OutcomesBot(router, services.access, effectiveTenants(config));
  const server = createHttpServer();
  const adapter = createAdapter(config, logger);
  services.digests.useSender(createProactiveSender(adapter, config.bot.appId ?? ''));
  registerMessagesRoute(server, adapter, bot);
  registerDigestRoutes(server, services.digests, { triggerSecret: config.digestTriggerSecret });
  registerFamilyPage(server, { survey: services.survey, tokens: directLine.tokens, directLineOrigin: directLine.origin });
  return server;
}

/** With credentials and no ALLOWED_TENANTS, only the bot's own tenant may use it in Teams. */
function effectiveTenants(config: Config): string[] {
  if (config.allowedTenants.length > 0) return config.allowedTenants;
  return config.bot.authenticated && config.bot.tenantId ? [config.bot.tenantId] : [];
}
