import { wireAppServices } from './appServices.js';
import type { Config } from './config/config.js';
import { systemClock, type Clock } from './domain/clock.js';
import { loadQuestionBank } from './domain/survey/questionBank.js';
import { loadTermCalendar } from './domain/terms/termCalendar.js';
import { AggregatesRepository } from './features/scores/storage/aggregatesRepository.js';
import { AggregateWriter } from './features/scores/storage/aggregateWriter.js';
import { ConversationsRepository } from './features/survey/storage/conversationsRepository.js';
import { InvitationsRepository } from './features/invitations/storage/invitationsRepository.js';
import { JournalRepository } from './features/survey/storage/journalRepository.js';
import { QuestionLogRepository } from './features/admin/storage/questionLogRepository.js';
import { RespondentStore } from './features/survey/storage/respondentStore.js';
import { RolesRepository } from './features/admin/storage/rolesRepository.js';
import { TableStore, type TableTarget } from './storage/tableStore.js';
import { ReferralsRepository } from './features/waits/storage/referralsRepository.js';
import { WaitSummariesRepository } from './features/waits/storage/waitSummariesRepository.js';
import { loadServiceCatalogue } from './features/waits/domain/serviceCatalogue.js';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { AddressBookRepository } from './features/addressBook/storage/addressBookRepository.js';
import { DigestLedgerRepository } from './features/digests/storage/digestLedgerRepository.js';
import { DigestSubscriptionsRepository } from './features/digests/storage/digestSubscriptionsRepository.js';
import { SecretsRepository } from './storage/secretsRepository.js';
import type { RedoLog } from './storage/redoLog.js';
import { MeasureValuesRepository } from './features/measures/storage/measureValuesRepository.js';
import { loadMeasureCatalogue } from './features/measures/domain/measureCatalogue.js';
import { ReviewViewsRepository } from './features/reviews/storage/reviewViewsRepository.js';
import { WorryAlertsRepository } from './features/worries/storage/worryAlertsRepository.js';
import { YouSaidRepository } from './features/youSaid/storage/youSaidRepository.js';
import { loadWorryPhrases } from './features/worries/domain/worryPhrases.js';
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
