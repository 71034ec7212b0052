import { AccessControl } from './app/access.js';
import { DigestService } from './app/digests/digestService.js';
import { ErasureService } from './app/erasureService.js';
import { InvitationService } from './app/invitationService.js';
import { ScoresService } from './app/scoresService.js';
import { SurveyService } from './app/surveyService.js';
import { WaitsService } from './app/waitsService.js';
import { MeasuresService } from './app/measuresService.js';
import type { MeasureCatalogue } from './domain/measures/measureCatalogue.js';
import type { StaffRole } from './domain/access/roles.js';
import type { Clock } from './domain/clock.js';
import type { QuestionBank } from './domain/survey/questionBank.js';
import { sectionOrder } from './domain/survey/sections.js';
import type { TermCalendar } from './domain/terms/termCalendar.js';
import type { Service } from './domain/waits/serviceCatalogue.js';
import type { QuestionLog, RoleStore } from './ports/adminStores.js';
import type { AddressBook, DigestLedger, DigestSubscriptions, Secrets } from './ports/digestStores.js';
import type { AggregateCounters, MeasureStore, ReferralStore, WaitSummaryStore } from './ports/figureStores.js';
import type { ConversationBindings, InvitationStore, RespondentRecords } from './ports/surveyStores.js';
import { termDigestReply } from './presenters/termDigestPresenter.js';
import type { ReviewViewLog } from './ports/reviewStores.js';
import type { WorryAlertStore } from './ports/worryStores.js';
import type { WorryPhrases } from './domain/worries/worryPhrases.js';
import { WorryAlertsService } from './app/worryAlertsService.js';
import { worryAlertReply } from './presenters/worryAlertPresenter.js';
import type { YouSaidStore } from './ports/youSaidStores.js';
import { YouSaidService } from './app/youSaidService.js';
import { ThemesService } from './app/themesService.js';
import { standardThemes } from './domain/themes/themeList.js';
import { ReviewAnswersService } from './app/reviewAnswersService.js';

/** Every store the services need, as ports: Table Storage in the product, in-memory fakes in unit tests. */
export type Stores = {
  invitations: InvitationStore;
  conversations: ConversationBindings;
  respondents: RespondentRecords;
  counters: AggregateCounters;
  roles: RoleStore;
  questionLog: QuestionLog;
  referrals: ReferralStore;
  waitSummaries: WaitSummaryStore;
  addresses: AddressBook;
  subscriptions: DigestSubscriptions;
  ledger: DigestLedger;
  secrets: Secrets;
  measureValues: MeasureStore;
  reviewViews: ReviewViewLog;
  worryAlerts: WorryAlertStore;
  youSaid: YouSaidStore;
};

export type AppOptions = {
  bank: QuestionBank;
  terms: TermCalendar;
  catalogue: readonly Service[];
  measures: MeasureCatalogue;
  clock: Clock;
  invitationTtlDays: number;
  publicBaseUrl: string;
  devRoles: StaffRole[];
  /** Loopback service URLs are accepted only when running locally (Agents Playground, tests). */
  allowLoopback: boolean;
  instance: string;
  digestSendsPerSecond: number;
  worryPhrases: WorryPhrases;
  /** Where a failure of work started after a turn (a worry alert's first send) is reported. */
  onError?: (error: unknown) => void;
};

/** The services wired on whatever stores they are given. No logic lives here. */
export function wireAppServices(s: Stores, o: AppOptions) {
  const { bank, terms, clock } = o;
  const invitationService = new InvitationService(s.invitations, s.respondents, terms, clock, {
    ttlDays: o.invitationTtlDays,
    publicBaseUrl: o.publicBaseUrl,
    sectionCount: sectionOrder(bank).length,
  });
  const youSaid = new YouSaidService(s.youSaid, clock);
  const themes = new ThemesService(bank, standardThemes(), terms, clock, s.counters);
  const worries = new WorryAlertsService(
    o.worryPhrases,
    bank,
    s.invitations,
    s.worryAlerts,
    s.respondents,
    {
      personalChat: (userId) => s.addresses.personalChat(userId),
      administrators: async () => (await s.roles.list()).filter((r) => r.roles.includes('admin')).map((r) => r.userId),
    },
    clock,
    worryAlertReply,
    o.onError,
  );
  const survey = new SurveyService(
    bank,
    terms,
    clock,
    s.invitations,
    s.conversations,
    s.respondents,
    invitationService,
    worries,
  );
  const access = new AccessControl(s.roles, o.devRoles);
  const scores = new ScoresService(bank, terms, clock, s.counters);
  const erasure = new ErasureService(s.respondents, s.invitations, s.worryAlerts);
  const waits = new WaitsService(o.catalogue, terms, clock, s.referrals, s.waitSummaries);
  const measures = new MeasuresService(o.measures, s.measureValues);
  const digests = new DigestService({
    bank,
    terms,
    clock,
    scores,
    waits,
    measures,
    youSaid,
    themes,
    addresses: s.addresses,
    subscriptions: s.subscriptions,
    ledger: s.ledger,
    secrets: s.secrets,
    render: termDigestReply,
    publicBaseUrl: o.publicBaseUrl,
    allowLoopback: o.allowLoopback,
    instance: o.instance,
    delivery: { perSecond: o.digestSendsPerSecond },
  });
  const reviews = new ReviewAnswersService(
    bank,
    s.invitations,
    s.respondents,
    s.reviewViews,
    s.secrets,
    clock,
    o.publicBaseUrl,
  );
  return {
    invitationService,
    survey,
    access,
    scores,
    erasure,
    waits,
    measures,
    digests,
    reviews,
    worries,
    youSaid,
    themes,
  };
}
