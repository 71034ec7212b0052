import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Config } from './config/config.js';
import type { Logger } from './config/logger.js';
import { systemClock, type Clock } from './domain/clock.js';
import { AddressBookRepository } from './features/addressBook/storage/addressBookRepository.js';
import { QuestionLogRepository } from './features/admin/storage/questionLogRepository.js';
import { RolesRepository } from './features/admin/storage/rolesRepository.js';
import type { ProactiveSender } from './features/digests/digestStores.js';
import { DigestLedgerRepository } from './features/digests/storage/digestLedgerRepository.js';
import { DigestSubscriptionsRepository } from './features/digests/storage/digestSubscriptionsRepository.js';
import { InvitationsRepository } from './features/invitations/storage/invitationsRepository.js';
import { MeasureValuesRepository } from './features/measures/storage/measureValuesRepository.js';
import { BenchmarksRepository } from './features/measures/storage/benchmarksRepository.js';
import { ReviewViewsRepository } from './features/reviews/storage/reviewViewsRepository.js';
import { AggregatesRepository } from './features/scores/storage/aggregatesRepository.js';
import { AggregateWriter } from './features/scores/storage/aggregateWriter.js';
import { ConversationsRepository } from './features/survey/storage/conversationsRepository.js';
import { JournalRepository } from './features/survey/storage/journalRepository.js';
import { RespondentStore } from './features/survey/storage/respondentStore.js';
import { ReferralsRepository } from './features/waits/storage/referralsRepository.js';
import { WaitSummariesRepository } from './features/waits/storage/waitSummariesRepository.js';
import { WorryAlertsRepository } from './features/worries/storage/worryAlertsRepository.js';
import { YouSaidRepository } from './features/youSaid/storage/youSaidRepository.js';
import { ContactsRepository } from './features/familyContacts/storage/contactsRepository.js';
import { ExceptionNotesRepository } from './features/exceptions/storage/exceptionNotesRepository.js';
import { PublicMarksRepository } from './features/publicOutcomes/storage/publicMarksRepository.js';
import { ReportViewsRepository } from './features/boardPack/storage/reportViewsRepository.js';
import { ContactCipher } from './features/familyContacts/domain/contactCipher.js';
import { notifyAttempt, notifySender } from './features/familyContacts/notifySender.js';
import { FamilyMessagesRepository } from './features/familyContacts/storage/familyMessagesRepository.js';
import { StaffNoticesRepository } from './features/familyContacts/storage/staffNoticesRepository.js';
import * as seedFiles from './seeds/loadSeeds.js';
import { wireServices, type Seeds, type Services } from './serviceWiring.js';
import type { RedoLog } from './storage/redoLog.js';
import { SecretsRepository } from './storage/secretsRepository.js';
import { TableStore, type TableTarget } from './storage/tableStore.js';

/**
 * Seeds, the table store, one repository per table, and the services on them: the product without its
 * channel. The composition root (compositionRoot.ts) builds the bot on this; the command-line tools, and
 * the tests and benches that drive services directly, use it alone (it loads nothing of botbuilder or restify).
 */

/** The product's parts, in named groups: a repository and a service may share a name without hiding each other. */
export type Core = { seeds: Seeds; clock: Clock; store: TableStore; stores: Repositories; services: Services };
export type Repositories = ReturnType<typeof openRepositories>;
export type Storage = { target: TableTarget; redo?: RedoLog };

export function readSeeds(): Seeds {
  return {
    bank: seedFiles.loadQuestionBank(),
    terms: seedFiles.loadTermCalendar(),
    catalogue: seedFiles.loadServiceCatalogue(),
    measures: seedFiles.loadMeasureCatalogue(),
    worryPhrases: seedFiles.loadWorryPhrases(),
    themeList: seedFiles.loadThemeList(),
  };
}

/** One repository per table, named by the port it fills (plus the journal the respondent store writes through). */
function openRepositories(config: Config, store: TableStore, bank: Seeds['bank']) {
  const counters = new AggregatesRepository(store);
  const journal = new JournalRepository(store);
  return {
    invitations: new InvitationsRepository(store),
    conversations: new ConversationsRepository(store),
    respondents: new RespondentStore(store, new AggregateWriter(counters), journal, bank),
    counters,
    journal,
    roles: new RolesRepository(store),
    questionLog: new QuestionLogRepository(store),
    referrals: new ReferralsRepository(store),
    waitSummaries: new WaitSummariesRepository(store),
    addresses: new AddressBookRepository(store),
    subscriptions: new DigestSubscriptionsRepository(store),
    ledger: new DigestLedgerRepository(store, config.digestLeaseSeconds * 1000),
    secrets: new SecretsRepository(store),
    measureValues: new MeasureValuesRepository(store),
    benchmarks: new BenchmarksRepository(store),
    reviewViews: new ReviewViewsRepository(store),
    worryAlerts: new WorryAlertsRepository(store),
    youSaid: new YouSaidRepository(store),
    contacts: new ContactsRepository(store),
    familyMessages: new FamilyMessagesRepository(store),
    staffNotices: new StaffNoticesRepository(store),
    exceptionNotes: new ExceptionNotesRepository(store),
    publicMarks: new PublicMarksRepository(store),
    reportViews: new ReportViewsRepository(store),
  };
}

/** For a process that sends nothing (the command-line tools): a send is refused, never attempted. */
const sendsNothing: ProactiveSender = async () => ({ kind: 'failed', reason: 'this process sends no messages' });

/** Seeds, storage, repositories and services, with no channel: the CLI, and tests and benches that drive services. */
export function composeServices(
  config: Config,
  storage: Storage,
  opts: { clock?: Clock; sender?: ProactiveSender; logger?: Logger } = {},
): Core {
  const seeds = readSeeds();
  const clock = opts.clock ?? systemClock(config.botToday, config.botNow);
  const store = new TableStore(storage.target, storage.redo);
  const stores = openRepositories(config, store, seeds.bank);
  const services = wireServices(stores, seeds, {
    clock,
    sender: opts.sender ?? sendsNothing,
    invitationTtlDays: config.invitationTtlDays,
    publicBaseUrl: config.publicBaseUrl,
    devRoles: config.devRoles,
    allowLoopback: !config.bot.authenticated,
    instance: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    digestSendsPerSecond: config.digestSendsPerSecond,
    onError: (error) =>
      opts.logger?.error({ err: error }, 'a worry alert could not be sent at once; the minutely run tries again'),
    familyMessaging: config.notify && {
      send: notifySender(config.notify),
      attempt: notifyAttempt(config.notify),
      cipher: new ContactCipher(config.notify.contactKey),
      templates: config.notify.templates,
      area: config.legal.text.organisation,
      ...(config.notify.reminders
        ? {
            reminders: {
              days: config.notify.reminders.days,
              templates: { sms: config.notify.reminders.sms, email: config.notify.reminders.email },
            },
          }
        : {}),
    },
  });
  return { seeds, clock, store, stores, services };
}
