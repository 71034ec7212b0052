import type { Server } from 'restify';
import { createAdapter } from './bot/adapter.js';
import { AddressCapture } from './bot/addressCapture.js';
import { registerMessagesRoute } from './bot/messagesRoute.js';
import { OutcomesBot } from './bot/outcomesBot.js';
import { createProactiveSender } from './bot/proactiveSender.js';
import type { Config } from './config/config.js';
import type { Logger } from './config/logger.js';
import { reviewPrintHtml } from './features/reviews/reviewPrintPresenter.js';
import { FAILED_CODE_WINDOW_MS } from './features/survey/surveyService.js';
import { youSaidPageHtml } from './features/youSaid/youSaidPagePresenter.js';
import { registerDigestRoutes } from './http/digestRoutes.js';
import { directLineSetup, type DirectLineSetup } from './http/directLineSetup.js';
import { registerFamilyPage } from './http/familyPage.js';
import { legalPages, registerLegalPages } from './http/legalPages.js';
import { Readiness, registerReadiness } from './http/readiness.js';
import { registerReviewPrintRoute } from './http/reviewPrintPage.js';
import { createHttpServer } from './http/server.js';
import { registerYouSaidPage } from './http/youSaidPage.js';
import { registerNotifyReceipts } from './http/notifyReceipts.js';
import { registerStopReminders, type StopReminders } from './http/stopReminders.js';
import { registerBoardPackPages } from './http/boardPackPage.js';
import { registerOutcomesPage } from './http/outcomesPage.js';
import { presentBoardPack } from './features/boardPack/boardPackPresenter.js';
import { boardPackHtml } from './features/boardPack/boardPackPagePresenter.js';
import { boardPackPdf } from './features/boardPack/boardPackPdfPresenter.js';
import { publicOutcomesHtml } from './features/publicOutcomes/publicOutcomesPagePresenter.js';
import * as jobs from './jobs/botJobs.js';
import { JobRunner } from './jobs/jobRunner.js';
import { buildRoutes } from './routing/routes.js';
import type { Clock } from './domain/clock.js';
import { composeServices, type Core, type Storage } from './composeServices.js';

/**
 * The composition root: the one place the bot is put together, and nothing but that. In order: the
 * adapter and the proactive sender made from it (they need only config and the logger); seeds, storage,
 * repositories and services, each service given its sender at birth (composeServices.ts); the routes and
 * the bot; the HTTP app; the jobs. src/index.ts starts and stops what this returns.
 */

/** The bot's parts, in named groups (seeds, stores, services: no name hides another), served and scheduled. */
export type Product = Core & { server: Server; readiness: Readiness; jobs: JobRunner };

/** The whole bot, ready to listen: the sender is made from the adapter first, so each service gets it at birth. */
export function composeBot(
  config: Config,
  logger: Logger,
  storage: Storage,
  opts: { clock?: Clock; directLine?: DirectLineSetup } = {},
): Product {
  const adapter = createAdapter(config, logger);
  const sender = createProactiveSender(adapter, config.bot.appId ?? '');
  const core = composeServices(config, storage, { clock: opts.clock, sender, logger });
  const { seeds, clock, store, stores, services } = core;
  adapter.use(new AddressCapture(services.addressBook, services.access, config.allowedTenants));

  const { router, events } = buildRoutes({
    bank: seeds.bank,
    clock,
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
    unclearQuestions: services.unclearQuestions,
    answeredAlone: services.answeredAlone,
    exceptions: services.exceptions,
    boardPacks: services.boardPacks,
    publicOutcomes: services.publicOutcomes,
    questionLog: stores.questionLog,
    askContext: stores.conversations,
    assetBaseUrl: config.publicBaseUrl,
    familyHelpText: config.familyHelpText,
  });
  const bot = new OutcomesBot(router, events, services.access, config.allowedTenants);

  // Ready while storage answers and the seeds the answers come from are there (they load before the server).
  const readiness = new Readiness({
    catalogues: () => {
      if (!seeds.bank.outcomes.length || !seeds.catalogue.length || !seeds.measures.measures.length)
        throw new Error('a catalogue is empty');
    },
    storage: (signal) => store.ping(signal),
  });
  const server = createHttpServer({ localOnly: !config.bot.authenticated });
  registerMessagesRoute(server, adapter, bot, { authenticated: config.bot.authenticated, logger });
  registerReadiness(server, readiness, (r) =>
    r.ready
      ? logger.info('ready for traffic')
      : logger.warn({ failed: r.failed, err: r.error }, 'not ready for traffic'),
  );
  registerLegalPages(server, legalPages(config.legal.text, { invitationTtlDays: config.invitationTtlDays }));
  registerDigestRoutes(server, services.digests, { triggerSecret: config.digestTriggerSecret });
  if (config.notify?.callbackToken)
    registerNotifyReceipts(server, services.deliveryReceipts, { token: config.notify.callbackToken });
  registerYouSaidPage(server, { html: async () => youSaidPageHtml(seeds.bank, await services.youSaid.current()) });
  registerReviewPrintRoute(server, services.reviews, { render: reviewPrintHtml, today: () => clock.today() });
  registerBoardPackPages(server, services.boardPacks, {
    html: async (pack, pdfUrl) => boardPackHtml(await presentBoardPack(pack), pdfUrl),
    pdf: async (pack) => boardPackPdf(await presentBoardPack(pack)),
  });
  registerOutcomesPage(server, {
    html: async () => publicOutcomesHtml(seeds.bank, await services.publicOutcomes.page()),
  });
  const directLine = opts.directLine ?? directLineSetup(config);
  const stopReminders: StopReminders = {
    offers: (code) => services.familyContacts.offersStop(code),
    stop: (code) => services.familyContacts.stopReminders(code),
  };
  if (config.familyPage)
    registerStopReminders(server, stopReminders, {
      trustedProxyHops: config.trustedProxyHops,
      hsts: config.publicBaseUrl.startsWith('https://'),
    });
  registerFamilyPage(server, {
    survey: services.survey,
    tokens: directLine.tokens,
    directLineOrigin: directLine.origin,
    publicBaseUrl: config.publicBaseUrl,
    trustedProxyHops: config.trustedProxyHops,
    enabled: config.familyPage,
    stopReminders,
  });

  const runner = new JobRunner(
    [
      jobs.respondentSweepJob(stores.respondents),
      jobs.receiptPruningJob(stores.counters),
      jobs.conversationPruningJob(stores.conversations, clock, {
        failureWindowMs: FAILED_CODE_WINDOW_MS,
        bindingMaxAgeMs: (config.invitationTtlDays + 1) * 86_400_000,
      }),
      jobs.worryAlertsJob(services.worries),
      jobs.termEndDigestsJob(services.digests),
      jobs.contactSweepJob(services.familyContacts),
      ...(services.familyContacts.reminders ? [jobs.familyRemindersJob(services.familyContacts.reminders)] : []),
      jobs.staffNoticesJob(services.staffNotices),
      jobs.staffWhoLeftJob(services.addressBook, services.access),
    ],
    logger,
  );
  return { seeds, clock, store, stores, services, server, readiness, jobs: runner };
}
