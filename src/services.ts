import { wireAppServices } from './appServices.js';
import type { Config } from './config/config.js';
import { systemClock, type Clock } from './domain/clock.js';
import { loadQuestionBank } from './domain/survey/questionBank.js';
import { loadTermCalendar } from './domain/terms/termCalendar.js';
import { AggregatesRepository } from './storage/repositories/aggregatesRepository.js';
import { AggregateWriter } from './storage/repositories/aggregateWriter.js';
import { ConversationsRepository } from './storage/repositories/conversationsRepository.js';
import { InvitationsRepository } from './storage/repositories/invitationsRepository.js';
import { JournalRepository } from './storage/repositories/journalRepository.js';
import { QuestionLogRepository } from './storage/repositories/questionLogRepository.js';
import { RespondentStore } from './storage/repositories/respondentStore.js';
import { RolesRepository } from './storage/repositories/rolesRepository.js';
import { TableStore, type TableTarget } from './storage/tableStore.js';
import { ReferralsRepository } from './storage/repositories/referralsRepository.js';
import { WaitSummariesRepository } from './storage/repositories/waitSummariesRepository.js';
import { loadServiceCatalogue } from './domain/waits/serviceCatalogue.js';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { AddressBookRepository } from './storage/repositories/addressBookRepository.js';
import { DigestLedgerRepository } from './storage/repositories/digestLedgerRepository.js';
import { DigestSubscriptionsRepository } from './storage/repositories/digestSubscriptionsRepository.js';
import { SecretsRepository } from './storage/repositories/secretsRepository.js';
import type { RedoLog } from './storage/redoLog.js';
import { MeasureValuesRepository } from './storage/repositories/measureValuesRepository.js';
import { loadMeasureCatalogue } from './domain/measures/measureCatalogue.js';
import { ReviewViewsRepository } from './storage/repositories/reviewViewsRepository.js';
import { WorryAlertsRepository } from './storage/repositories/worryAlertsRepository.js';
import { YouSaidRepository } from './storage/repositories/youSaidRepository.js';
import { loadWorryPhrases } from './domain/worries/worryPhrases.js';
import type { Logger } from './config/logger.js';

/** Everything the product is made of, wired once. No logic lives here. */
export function buildServices(
  config: Config,
  storage: TableTarget,
  clock: Clock = systemClock(config.botToday),
  redo?: RedoLog,
  logger?: Logger,
) {
  const bank = loadQuestionBank();
  const terms = loadTermCalendar();
  const store = new TableStore(storage, redo);
  const aggregates = new AggregatesRepository(store);
  const journal = new JournalRepository(store);
  const respondents = new RespondentStore(store, new AggregateWriter(aggregates), journal, bank);
  const stores = {
    invitations: new InvitationsRepository(store),
    conversations: new ConversationsRepository(store),
    respondents,
    counters: aggregates,
    roles: new RolesRepository(store),
    questionLog: new QuestionLogRepository(store),
    referrals: new ReferralsRepository(store),
    waitSummaries: new WaitSummariesRepository(store),
    addresses: new AddressBookRepository(store),
    subscriptions: new DigestSubscriptionsRepository(store),
    ledger: new DigestLedgerRepository(store, config.digestLeaseSeconds * 1000),
    secrets: new SecretsRepository(store),
    measureValues: new MeasureValuesRepository(store),
    reviewViews: new ReviewViewsRepository(store),
    worryAlerts: new WorryAlertsRepository(store),
    youSaid: new YouSaidRepository(store),
  };
  const app = wireAppServices(stores, {
    bank,
    terms,
    catalogue: loadServiceCatalogue(),
    measures: loadMeasureCatalogue(),
    clock,
    invitationTtlDays: config.invitationTtlDays,
    publicBaseUrl: config.publicBaseUrl,
    devRoles: config.devRoles,
    allowLoopback: !config.bot.authenticated,
    instance: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    digestSendsPerSecond: config.digestSendsPerSecond,
    worryPhrases: loadWorryPhrases(),
    onError: (error) =>
      logger?.error({ err: error }, 'a worry alert could not be sent at once; the minutely run tries again'),
  });
  // The stores and the services, as one set: the services' names win where a store shares one (youSaid).
  return { bank, terms, clock, store, aggregates, journal, ...stores, ...app };
}
export type Services = ReturnType<typeof buildServices>;
