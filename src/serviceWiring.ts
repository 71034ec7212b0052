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
import type { DigestLedger, DigestSubscriptions, ProactiveSender, Secrets } from './features/digests/digestStores.js';
import type { AddressBook } from './features/addressBook/addressBookStores.js';
import { AddressBookService } from './features/addressBook/addressBookService.js';
import type { AggregateCounters } from './features/scores/scoreStores.js';
import type { BenchmarkStore, MeasureStore } from './features/measures/measureStores.js';
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
import { UnclearQuestionsService } from './features/unclearQuestions/unclearQuestionsService.js';
import { AnsweredAloneService } from './features/answeredAlone/answeredAloneService.js';
import type { ThemeList } from './features/themes/domain/themeList.js';
import { ReviewAnswersService } from './features/reviews/reviewAnswersService.js';
import type {
  ContactStore,
  FamilyMessageLedger,
  StaffNoticeStore,
} from './features/familyContacts/familyContactsStores.js';
import { StaffNoticesService } from './features/familyContacts/staffNoticesService.js';
import { staffNoticeReply } from './features/familyContacts/staffNoticesPresenter.js';
import { DeliveryReceiptsService } from './features/familyContacts/deliveryReceiptsService.js';
import type { ExceptionNotes } from './features/exceptions/exceptionStores.js';
import { ExceptionsService } from './features/exceptions/exceptionsService.js';
import type { PublicMarks } from './features/publicOutcomes/publicOutcomesStores.js';
import { PublicOutcomesService } from './features/publicOutcomes/publicOutcomesService.js';
import type { ReportViewLog } from './features/boardPack/boardPackStores.js';
import { BoardPackService } from './features/boardPack/boardPackService.js';
import {
  familyMessenger,
  FamilyContactsService,
  forgettingContactsOnCompletion,
  type FamilyMessaging,
} from './features/familyContacts/familyContactsService.js';

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
  benchmarks: BenchmarkStore;
  reviewViews: ReviewViewLog;
  worryAlerts: WorryAlertStore;
  youSaid: YouSaidStore;
  contacts: ContactStore;
  familyMessages: FamilyMessageLedger;
  staffNotices: StaffNoticeStore;
  exceptionNotes: ExceptionNotes;
  publicMarks: PublicMarks;
  reportViews: ReportViewLog;
};

/** The reviewed reference data the services answer from, loaded from seeds/ at the edge. */
export type Seeds = {
  bank: QuestionBank;
  terms: TermCalendar;
  catalogue: readonly Service[];
  measures: MeasureCatalogue;
  worryPhrases: WorryPhrases;
  /** The themes families' own words are counted under. */
  themeList: ThemeList;
};

export type ServiceOptions = {
  clock: Clock;
  /** How a message reaches a conversation outside any turn (digests, worry alerts): made before the services. */
  sender: ProactiveSender;
  invitationTtlDays: number;
  publicBaseUrl: string;
  devRoles: StaffRole[];
  /** Loopback service URLs are accepted only when running locally (Agents Playground, tests). */
  allowLoopback: boolean;
  instance: string;
  digestSendsPerSecond: number;
  /** Where a failure of work started after a turn (a worry alert's first send) is reported. */
  onError?: (error: unknown) => void;
  /** GOV.UK Notify and the contact key, when set up: invitations are then sent by text or email. */
  familyMessaging?: FamilyMessaging;
};

/**
 * The services wired on whatever stores they are given: Table Storage from the composition root, in-memory
 * fakes in unit tests. Each gets what it needs, its sender included, in its constructor. No logic lives here.
 */
export function wireServices(s: Stores, seeds: Seeds, o: ServiceOptions) {
  const { bank, terms } = seeds;
  const { clock } = o;
  const familyContacts = new FamilyContactsService(
    s.contacts,
    s.familyMessages,
    s.staffNotices,
    s.invitations,
    s.respondents,
    clock,
    o.familyMessaging && {
      ...o.familyMessaging,
      linkOf: (code) => `${o.publicBaseUrl}/survey/${code}`,
      instance: o.instance,
    },
  );
  const invitationService = new InvitationService(s.invitations, s.respondents, terms, clock, {
    ttlDays: o.invitationTtlDays,
    publicBaseUrl: o.publicBaseUrl,
    sectionCount: sectionOrder(bank).length,
    messenger: familyMessenger(familyContacts),
    forgetContact: (code) => familyContacts.forgetInvitation(code),
    messagesOf: (code) => familyContacts.messagesFor(code),
    meetingSet: (invitation) => staffNotices.meetingSet(invitation),
  });
  const addressBook = new AddressBookService(s.addresses, clock, { allowLoopback: o.allowLoopback });
  // Staff are shown by the names Teams gave them (kept with their addresses), never by their ids.
  const staffNames = (userIds: Iterable<string>) => addressBook.staffNames(userIds);
  const youSaid = new YouSaidService(s.youSaid, clock, staffNames);
  const themes = new ThemesService(bank, seeds.themeList, terms, clock, s.counters);
  const unclearQuestions = new UnclearQuestionsService(bank, terms, clock, s.counters);
  const answeredAlone = new AnsweredAloneService(bank, terms, clock, s.counters);
  const staffNotices = new StaffNoticesService(
    s.staffNotices,
    s.invitations,
    s.respondents,
    (userId) => addressBook.personalChat(userId),
    o.sender,
    clock,
    (notice, progress) => staffNoticeReply(notice, { ...progress, sectionCount: sectionOrder(bank).length }),
    o.onError,
  );
  const deliveryReceipts = new DeliveryReceiptsService(
    s.familyMessages,
    s.contacts,
    s.invitations,
    staffNotices,
    clock,
  );
  const worries = new WorryAlertsService(
    seeds.worryPhrases,
    bank,
    s.invitations,
    s.worryAlerts,
    s.respondents,
    {
      personalChat: (userId) => addressBook.personalChat(userId),
      administrators: async () => (await s.roles.list()).filter((r) => r.roles.includes('admin')).map((r) => r.userId),
      names: staffNames,
    },
    o.sender,
    clock,
    worryAlertReply,
    o.onError,
  );
  const survey = new SurveyService(
    bank,
    seeds.themeList,
    terms,
    clock,
    s.invitations,
    s.conversations,
    // A completed survey's contact is deleted by the save that completes it.
    forgettingContactsOnCompletion(s.respondents, familyContacts),
    invitationService,
    worries,
  );
  const access = new AccessControl(s.roles, o.devRoles);
  const scores = new ScoresService(bank, terms, clock, s.counters);
  const erasure = new ErasureService(s.respondents, s.invitations, s.worryAlerts, familyContacts);
  const waits = new WaitsService(seeds.catalogue, terms, clock, s.referrals, s.waitSummaries);
  const measures = new MeasuresService(seeds.measures, s.measureValues, s.benchmarks);
  const exceptions = new ExceptionsService(measures, s.exceptionNotes, clock);
  const digests = new DigestService({
    bank,
    terms,
    clock,
    scores,
    waits,
    measures,
    youSaid,
    themes,
    exceptions,
    addressBook,
    sender: o.sender,
    subscriptions: s.subscriptions,
    ledger: s.ledger,
    secrets: s.secrets,
    render: termDigestReply,
    publicBaseUrl: o.publicBaseUrl,
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
    staffNames,
  );
  const sources = { bank, terms, clock, scores, waits, measures, youSaid, themes, exceptions };
  const boardPacks = new BoardPackService({
    ...sources,
    measureValues: s.measureValues,
    // The board pack's seam for comparators (issue #26): the measures' own, as loaded.
    comparators: (measure) => measures.comparators(measure),
    views: s.reportViews,
    secrets: s.secrets,
    publicBaseUrl: o.publicBaseUrl,
  });
  const publicOutcomes = new PublicOutcomesService({
    bank,
    terms,
    clock,
    scores,
    catalogue: seeds.measures.measures,
    measureValues: s.measureValues,
    marks: s.publicMarks,
    // Published comparators beside the local figures on the public page too.
    comparators: (measure) => measures.comparators(measure),
  });
  return {
    addressBook,
    familyContacts,
    staffNotices,
    deliveryReceipts,
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
    unclearQuestions,
    answeredAlone,
    exceptions,
    boardPacks,
    publicOutcomes,
  };
}
export type Services = ReturnType<typeof wireServices>;
