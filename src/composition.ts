import type { Server } from 'restify';
import { createAdapter } from './bot/adapter.js';
import { registerMessagesRoute } from './bot/messagesRoute.js';
import { OutcomesBot } from './bot/outcomesBot.js';
import type { Config } from './config/config.js';
import type { Logger } from './config/logger.js';
import { AddressCapture } from './bot/addressCapture.js';
import { buildRoutes } from './routing/routes.js';
import { DirectLineServiceTokens, type DirectLineTokens } from './http/directLineTokens.js';
import type { LocalDirectLine } from './http/localDirectLine.js';
import { registerFamilyPage } from './http/familyPage.js';
import { createHttpServer } from './http/server.js';
import type { Services } from './services.js';
import { createProactiveSender } from './bot/proactiveSender.js';
import { registerDigestRoutes } from './http/digestRoutes.js';
import { registerReviewPrintRoute } from './http/reviewPrintPage.js';
import { reviewPrintHtml } from './features/reviews/reviewPrintPresenter.js';
import { registerYouSaidPage } from './http/youSaidPage.js';
import { youSaidPageHtml } from './features/youSaid/youSaidPagePresenter.js';
import { Readiness, registerReadiness } from './http/readiness.js';
import { legalPages, registerLegalPages } from './http/legalPages.js';

export { buildServices, type Services } from './services.js';

export type DirectLineSetup = { tokens: DirectLineTokens; origin: () => string };

/**
 * The family page exchanges a Direct Line secret for a token on the server, the same way in production
 * (Azure's Direct Line) and locally (the embedded one, which makes its own secret). The local one is read
 * when a token is asked for, so it can start after the bot has taken its own port.
 */
export function directLineSetup(
  config: Config,
  local: () => Pick<LocalDirectLine, 'endpoint' | 'secret'> | undefined = () => undefined,
): DirectLineSetup {
  const current = () =>
    config.directLineSecret
      ? { endpoint: config.directLineEndpoint, secret: config.directLineSecret }
      : (local() ?? { endpoint: 'http://localhost:1', secret: '' });
  return {
    tokens: { issue: () => new DirectLineServiceTokens(current().secret, current().endpoint).issue() },
    origin: () => new URL(current().endpoint).origin,
  };
}

/** Ready while storage answers and the seeds the answers come from are there (they load before the server). */
export function readinessOf(services: Services): Readiness {
  return new Readiness({
    catalogues: () => {
      if (
        !services.bank.outcomes.length ||
        !services.waits.catalogue.length ||
        !services.measures.catalogue.measures.length
      )
        throw new Error('a catalogue is empty');
    },
    storage: (signal) => services.store.ping(signal),
  });
}

export function buildHttpApp(
  config: Config,
  services: Services,
  logger: Logger,
  directLine: DirectLineSetup = directLineSetup(config),
  readiness: Readiness = readinessOf(services),
): Server {
  const { router, events } = buildRoutes({
    bank: services.bank,
    clock: services.clock,
    survey: services.survey,
    invitations: services.invitationService,
    scores: services.scores,
    waits: services.waits,
    measures: services.measures,
    digests: services.digests,
    erasure: services.erasure,
    reviews: services.reviews,
    worries: services.worries,
    youSaid: services.youSaid,
    themes: services.themes,
    questionLog: services.questionLog,
    askContext: services.conversations,
    assetBaseUrl: config.publicBaseUrl,
    familyHelpText: config.familyHelpText,
  });
  const bot = new OutcomesBot(router, events, services.access, config.allowedTenants);
  const server = createHttpServer({ localOnly: !config.bot.authenticated });
  const adapter = createAdapter(config, logger);
  adapter.use(new AddressCapture(services.digests, services.access, config.allowedTenants));
  const sender = createProactiveSender(adapter, config.bot.appId ?? '');
  services.digests.useSender(sender);
  services.worries.useSender(sender);
  registerMessagesRoute(server, adapter, bot, { authenticated: config.bot.authenticated, logger });
  registerReadiness(server, readiness, (r) =>
    r.ready
      ? logger.info('ready for traffic')
      : logger.warn({ failed: r.failed, err: r.error }, 'not ready for traffic'),
  );
  registerLegalPages(server, legalPages(config.legal.text, { invitationTtlDays: config.invitationTtlDays }));
  registerDigestRoutes(server, services.digests, { triggerSecret: config.digestTriggerSecret });
  registerYouSaidPage(server, { html: async () => youSaidPageHtml(services.bank, await services.youSaid.current()) });
  registerReviewPrintRoute(server, services.reviews, {
    render: reviewPrintHtml,
    today: () => services.clock.today(),
  });
  registerFamilyPage(server, {
    survey: services.survey,
    tokens: directLine.tokens,
    directLineOrigin: directLine.origin,
    publicBaseUrl: config.publicBaseUrl,
    trustedProxyHops: config.trustedProxyHops,
    enabled: config.familyPage,
  });
  return server;
}
