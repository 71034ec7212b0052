import type { Server } from 'restify';
import { AccessControl } from './app/access.js';
import { InvitationService } from './app/invitationService.js';
import { SurveyService } from './app/surveyService.js';
import { ScoresService } from './app/scoresService.js';
import { ErasureService } from './app/erasureService.js';
import { AdminHandlers } from './handlers/adminHandlers.js';
import { ScoresHandler } from './handlers/scoresHandler.js';
import { QuestionLogRepository } from './storage/repositories/questionLogRepository.js';
import { createAdapter } from './bot/adapter.js';
import { registerMessagesRoute } from './bot/messagesRoute.js';
import { OutcomesBot } from './bot/outcomesBot.js';
import type { Config } from './config/config.js';
import type { Logger } from './config/logger.js';
import { systemClock, type Clock } from './domain/clock.js';
import { loadQuestionBank } from './domain/survey/questionBank.js';
import { loadTermCalendar } from './domain/terms/termCalendar.js';
import { InviteHandler } from './handlers/inviteHandler.js';
import { Router } from './handlers/router.js';
import { SurveyHandlers } from './handlers/surveyHandlers.js';
import { createHttpServer } from './http/server.js';
import { registerFamilyPage } from './http/familyPage.js';
import { DirectLineServiceTokens, LocalDirectLineTokens, type DirectLineTokens } from './http/directLineTokens.js';
import { AggregatesRepository } from './storage/repositories/aggregatesRepository.js';
import { ConversationsRepository } from './storage/repositories/conversationsRepository.js';
import { InvitationsRepository } from './storage/repositories/invitationsRepository.js';
import { RespondentStore } from './storage/repositories/respondentStore.js';
import { AggregateWriter } from './storage/repositories/aggregateWriter.js';
import { AggregateView } from './storage/repositories/aggregateView.js';
import { JournalRepository } from './storage/repositories/journalRepository.js';
import { RolesRepository } from './storage/repositories/rolesRepository.js';
import { TableStore } from './storage/tableStore.js';

/** Everything the product is made of, wired once. No logic lives here. */
export function buildServices(config: Config, connectionString: string, clock: Clock = systemClock(config.botToday)) {
  const bank = loadQuestionBank();
  const terms = loadTermCalendar();
  const store = new TableStore(connectionString);
  const aggregates = new AggregatesRepository(store);
  const journal = new JournalRepository(store);
  const aggregateView = new AggregateView(aggregates);
  const respondents = new RespondentStore(store, new AggregateWriter(aggregates, aggregateView), journal, bank);
  const roles = new RolesRepository(store);
  const invitations = new InvitationsRepository(store);
  const conversations = new ConversationsRepository(store);
  const invitationService = new InvitationService(invitations, respondents, terms, clock, { ttlDays: config.invitationTtlDays, publicBaseUrl: config.publicBaseUrl });
  const survey = new SurveyService(bank, terms, clock, invitations, conversations, respondents, invitationService);
  const access = new AccessControl(roles, config.devRoles);
  const scores = new ScoresService(bank, terms, clock, aggregateView);
  const questionLog = new QuestionLogRepository(store);
  const erasure = new ErasureService(respondents, invitations);
  return { bank, terms, clock, store, aggregates, aggregateView, journal, respondents, roles, invitations, conversations, invitationService, survey, access, scores, questionLog, erasure };
}
export type Services = ReturnType<typeof buildServices>;

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
    services: () => [],
  });
  const bot = new OutcomesBot(router, services.access, effectiveTenants(config));
  const server = createHttpServer();
  registerMessagesRoute(server, createAdapter(config, logger), bot);
  registerFamilyPage(server, { survey: services.survey, tokens: directLine.tokens, directLineOrigin: directLine.origin });
  return server;
}

/** With credentials and no ALLOWED_TENANTS, only the bot's own tenant may use it in Teams. */
function effectiveTenants(config: Config): string[] {
  if (config.allowedTenants.length > 0) return config.allowedTenants;
  return config.bot.authenticated && config.bot.tenantId ? [config.bot.tenantId] : [];
}
