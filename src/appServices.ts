import { AccessControl } from './features/admin/accessControl.js';
import { DigestService } from './features/digests/digestService.js';
import { ErasureService } from './features/admin/erasureService.js';
import { InvitationService } from './features/invitations/invitationService.js';
import { ScoresService } from './features/scores/scoresService.js';
import { SurveyService } from './features/survey/surveyService.js';
import { WaitsService } from './features/waits/waitsService.js';
import { MeasuresService } from './features/measures/measuresService.js';
import type { MeasureCatalogue } from './features/measures/domain/measureCatalogue.js';
import type { StaffRole } from './domain/access/roles.js';
import type { Clock } from './domain/clock.js';
import type { QuestionBank } from './domain/survey/questionBank.js';
import { sectionOrder } from './features/survey/domain/sections.js';
import type { TermCalendar } from './domain/terms/termCalendar.js';
import type { Service } from './features/waits/domain/serviceCatalogue.js';
import type { QuestionLog, RoleStore } from './features/admin/adminStores.js';
import type { AddressBook, DigestLedger, DigestSubscriptions, Secrets } from './features/digests/digestStores.js';
import type { AggregateCounters } from './features/scores/scoreStores.js';
import type { MeasureStore } from './features/measures/measureStores.js';
import type { ReferralStore, WaitSummaryStore } from './features/waits/waitsStores.js';
import type { ConversationBindings, InvitationStore, RespondentRecords } from './features/survey/surveyStores.js';
import { termDigestReply } from './features/digests/termDigestPresenter.js';
import type { ReviewViewLog } from './features/reviews/reviewStores.js';
import type { WorryAlertStore } from './features/worries/worryStores.js';
import type { WorryPhrases } from './features/worries/domain/worryPhrases.js';
import { WorryAlertsService } from './features/worries/worryAlertsService.js';
import { worryAlertReply } from './features/worries/worryAlertPresenter.js';
import type { YouSaidStore } from './features/youSaid/youSaidStores.js';
import { YouSaidService } from './features/youSaid/youSaidService.js';
import { ThemesService } from './features/themes/themesService.js';
import { standardThemes } from './features/themes/domain/themeList.js';
import { ReviewAnswersService } from './features/reviews/reviewAnswersService.js';

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
