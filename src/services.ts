import { sectionOrder } from './domain/survey/sections.js';
import { AccessControl } from './app/access.js';
import { ErasureService } from './app/erasureService.js';
import { InvitationService } from './app/invitationService.js';
import { ScoresService } from './app/scoresService.js';
import { SurveyService } from './app/surveyService.js';
import type { Config } from './config/config.js';
import { systemClock, type Clock } from './domain/clock.js';
import { loadQuestionBank } from './domain/survey/questionBank.js';
import { loadTermCalendar } from './domain/terms/termCalendar.js';
import { AggregatesRepository } from './storage/repositories/aggregatesRepository.js';
import { AggregateView } from './storage/repositories/aggregateView.js';
import { AggregateWriter } from './storage/repositories/aggregateWriter.js';
import { ConversationsRepository } from './storage/repositories/conversationsRepository.js';
import { InvitationsRepository } from './storage/repositories/invitationsRepository.js';
import { JournalRepository } from './storage/repositories/journalRepository.js';
import { QuestionLogRepository } from './storage/repositories/questionLogRepository.js';
import { RespondentStore } from './storage/repositories/respondentStore.js';
import { RolesRepository } from './storage/repositories/rolesRepository.js';
import { TableStore } from './storage/tableStore.js';
import { ReferralsRepository } from './storage/repositories/referralsRepository.js';
import { WaitSummariesRepository } from './storage/repositories/waitSummariesRepository.js';
import { WaitsService } from './app/waitsService.js';
import { loadServiceCatalogue } from './domain/waits/serviceCatalogue.js';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DigestService } from './app/digests/digestService.js';
import { AddressBookRepository } from './storage/repositories/addressBookRepository.js';
import { DigestLedgerRepository } from './storage/repositories/digestLedgerRepository.js';
import { DigestSubscriptionsRepository } from './storage/repositories/digestSubscriptionsRepository.js';
import { SecretsRepository } from './storage/repositories/secretsRepository.js';
import type { RedoLog } from './storage/redoLog.js';
import { termDigestReply } from './presenters/termDigestPresenter.js';

/** Everything the product is made of, wired once. No logic lives here. */
export function buildServices(
  config: Config,
  connectionString: string,
  clock: Clock = systemClock(config.botToday),
  redo?: RedoLog,
) {
  const bank = loadQuestionBank();
  const terms = loadTermCalendar();
  const store = new TableStore(connectionString, redo);
  const aggregates = new AggregatesRepository(store);
  const journal = new JournalRepository(store);
  const aggregateView = new AggregateView(aggregates);
  const respondents = new RespondentStore(store, new AggregateWriter(aggregates, aggregateView), journal, bank);
  const roles = new RolesRepository(store);
  const invitations = new InvitationsRepository(store);
  const conversations = new ConversationsRepository(store);
  const invitationService = new InvitationService(invitations, respondents, terms, clock, {
    ttlDays: config.invitationTtlDays,
    publicBaseUrl: config.publicBaseUrl,
    sectionCount: sectionOrder(bank).length,
  });
  const survey = new SurveyService(bank, terms, clock, invitations, conversations, respondents, invitationService);
  const access = new AccessControl(roles, config.devRoles);
  const scores = new ScoresService(bank, terms, clock, aggregateView);
  const questionLog = new QuestionLogRepository(store);
  const erasure = new ErasureService(respondents, invitations);
  const referrals = new ReferralsRepository(store);
  const waitSummaries = new WaitSummariesRepository(store);
  const waits = new WaitsService(loadServiceCatalogue(), terms, clock, referrals, waitSummaries);
  const addresses = new AddressBookRepository(store);
  const subscriptions = new DigestSubscriptionsRepository(store);
  const ledger = new DigestLedgerRepository(store, config.digestLeaseSeconds * 1000);
  const digests = new DigestService({
    bank,
    terms,
    clock,
    scores,
    waits,
    addresses,
    subscriptions,
    ledger,
    secrets: new SecretsRepository(store),
    render: termDigestReply,
    publicBaseUrl: config.publicBaseUrl,
    allowLoopback: !config.bot.authenticated,
    instance: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    delivery: { perSecond: config.digestSendsPerSecond },
  });
  return {
    bank,
    terms,
    clock,
    store,
    aggregates,
    aggregateView,
    journal,
    respondents,
    roles,
    invitations,
    conversations,
    invitationService,
    survey,
    access,
    scores,
    questionLog,
    erasure,
    referrals,
    waitSummaries,
    waits,
    addresses,
    subscriptions,
    ledger,
    digests,
  };
}
export type Services = ReturnType<typeof buildServices>;
