import {
  loadMeasureCatalogue,
  loadQuestionBank,
  loadServiceCatalogue,
  loadTermCalendar,
  loadThemeList,
  loadWorryPhrases,
} from '../../../src/seeds/loadSeeds.js';
import { DEFAULT_FAMILY_HELP_TEXT } from '../../../src/config/config.js';
import { wireServices } from '../../../src/serviceWiring.js';
import type { StaffRole } from '../../../src/domain/access/roles.js';
import { buildRoutes } from '../../../src/routing/routes.js';
import type { AdaptiveCardJson, ConversationAddress, Reply } from '../../../src/ports/messages.js';
import type { Turn } from '../../../src/ports/turn.js';
import { TestClock } from '../testClock.js';
import * as fakes from './inMemoryStores.js';
import { InMemoryContacts } from './inMemoryContacts.js';
import { InMemoryFamilyMessages } from './inMemoryFamilyMessages.js';
import { InMemoryStaffNotices } from './inMemoryStaffNotices.js';
import { InMemoryExceptionNotes, InMemoryPublicMarks, InMemoryReportViews } from './inMemoryReporting.js';

const bank = loadQuestionBank();
const terms = loadTermCalendar();
const catalogue = loadServiceCatalogue();
const seeds = {
  bank,
  terms,
  catalogue,
  measures: loadMeasureCatalogue(),
  worryPhrases: loadWorryPhrases(),
  themeList: loadThemeList(),
};

/** The whole product wired on in-memory stores, as src/compositionRoot.ts wires it on Table Storage. */
export function fakeWorld(opts: { today?: string; roles?: Record<string, StaffRole[]> } = {}) {
  const clock = new TestClock(opts.today ?? '2026-11-02');
  const aggregates = new fakes.InMemoryAggregates();
  const bindings = new fakes.InMemoryBindings();
  const sender = new fakes.RecordingSender();
  const publicBaseUrl = 'https://bot.example.test';
  const stores = {
    invitations: new fakes.InMemoryInvitations(),
    conversations: bindings,
    respondents: new fakes.InMemoryRespondents(bank, aggregates),
    counters: aggregates,
    roles: new fakes.InMemoryRoles(new Map(Object.entries(opts.roles ?? {}))),
    questionLog: new fakes.InMemoryQuestionLog(),
    referrals: new fakes.InMemoryReferrals(),
    waitSummaries: new fakes.InMemoryWaitSummaries(),
    addresses: new fakes.InMemoryAddressBook(),
    subscriptions: new fakes.InMemorySubscriptions(),
    ledger: new fakes.InMemoryLedger(),
    secrets: new fakes.InMemorySecrets(),
    measureValues: new fakes.InMemoryMeasureValues(),
    benchmarks: new fakes.InMemoryBenchmarks(),
    reviewViews: new fakes.InMemoryReviewViews(),
    worryAlerts: new fakes.InMemoryWorryAlerts(),
    youSaid: new fakes.InMemoryYouSaid(),
    contacts: new InMemoryContacts(),
    familyMessages: new InMemoryFamilyMessages(),
    staffNotices: new InMemoryStaffNotices(),
    exceptionNotes: new InMemoryExceptionNotes(),
    publicMarks: new InMemoryPublicMarks(),
    reportViews: new InMemoryReportViews(),
  };
  const {
    addressBook,
    invitationService,
    survey,
    scores,
    waits,
    measures,
    erasure,
    access,
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
  } = wireServices(stores, seeds, {
    clock,
    sender: sender.send,
    invitationTtlDays: 28,
    publicBaseUrl,
    devRoles: [],
    allowLoopback: false,
    instance: 'unit',
    digestSendsPerSecond: 1_000,
  });
  const { router, events } = buildRoutes({
    bank,
    clock,
    survey,
    invitations: invitationService,
    scores,
    waits,
    measures,
    digests,
    erasure,
    reviews,
    worries,
    youSaid,
    themes,
    unclearQuestions,
    answeredAlone,
    exceptions,
    boardPacks,
    publicOutcomes,
    questionLog: stores.questionLog,
    askContext: new fakes.InMemoryAskContext(),
    assetBaseUrl: publicBaseUrl,
    familyHelpText: DEFAULT_FAMILY_HELP_TEXT,
  });
  return {
    bank,
    terms,
    clock,
    catalogue,
    aggregates,
    bindings,
    ...stores,
    sender,
    invitationService,
    survey,
    scores,
    waits,
    erasure,
    access,
    addressBook,
    digests,
    exceptions,
    boardPacks,
    publicOutcomes,
    worries,
    measures,
    reviews,
    /** The "you said, we did" service (`youSaid` above is its store). */
    youSaidService: youSaid,
    router,
    events,
  };
}
export type FakeWorld = ReturnType<typeof fakeWorld>;

/** A turn as the channel layer would build it, recording what the bot says and what it defers. */
export class FakeTurn implements Turn {
  readonly said: Reply[] = [];
  readonly deferred: (() => Promise<void>)[] = [];
  rolesAsked = 0;
  text: string;
  value?: Record<string, unknown>;
  userId?: string;
  conversationId: string;
  conversationType: Turn['conversationType'];
  address: ConversationAddress;
  cardActionType: Turn['cardActionType'];
  canReplaceCards: boolean;
  activityId?: string;

  constructor(
    private readonly who: StaffRole[],
    opts: {
      text?: string;
      value?: Record<string, unknown>;
      userId?: string;
      conversationId?: string;
      channel?: 'msteams' | 'directline';
      conversationType?: Turn['conversationType'];
      activityId?: string;
    } = {},
  ) {
    this.text = opts.text ?? '';
    this.value = opts.value;
    this.userId = opts.userId ?? 'user-1';
    this.conversationId = opts.conversationId ?? 'conv-1';
    this.conversationType = opts.conversationType ?? 'personal';
    const teams = (opts.channel ?? 'msteams') === 'msteams';
    this.address = {
      conversationId: this.conversationId,
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      channelId: teams ? 'msteams' : 'directline',
      conversationType: this.conversationType,
      tenantId: 'tenant-1',
    };
    this.cardActionType = teams ? 'Action.Execute' : 'Action.Submit';
    this.canReplaceCards = teams;
    this.activityId = opts.activityId;
  }

  async roles(): Promise<StaffRole[]> {
    this.rolesAsked++;
    return this.who;
  }
  async send(reply: Reply): Promise<void> {
    this.said.push(reply);
  }
  defer(work: () => Promise<void>): void {
    this.deferred.push(work);
  }
  /** Everything said, as text (a card's full text where it has one). */
  get texts(): string[] {
    return this.said.map((r) => r.fullText ?? r.text);
  }
  get all(): string {
    return this.said.map((r) => `${r.text}\n${r.fullText ?? ''}`).join('\n');
  }
  /** The cards said, in order. */
  get cards(): AdaptiveCardJson[] {
    return this.said.flatMap((r) => (r.card ? [r.card] : []));
  }
}

/** A message as OutcomesBot routes it (src/bot/outcomesBot.ts): a family's typed survey answer first, then the router. */
export async function routeMessage(w: FakeWorld, turn: FakeTurn): Promise<FakeTurn> {
  if (!(await w.events.surveyText?.(turn))) await w.router.routeText(turn);
  return turn;
}

/**
 * Something said by a person with these roles in a conversation (the same id again for a follow-up, as in a real
 * chat), routed as a message is: the replies' text (one line each), their cards, and both as one string.
 */
export async function ask(
  w: FakeWorld,
  roles: StaffRole[],
  text: string,
  where: { userId: string; conversationId: string },
): Promise<{ text: string; cards: AdaptiveCardJson[]; all: string }> {
  const turn = await routeMessage(w, new FakeTurn(roles, { text, ...where }));
  const said = turn.said.map((r) => r.text).join('\n');
  return { text: said, cards: turn.cards, all: said + JSON.stringify(turn.cards) };
}

/** Staff who have written to the bot in their 1:1 chats (`<userId>-chat`), as AddressCapture records them. */
export async function rememberStaff(w: FakeWorld, people: [userId: string, name: string][]): Promise<void> {
  for (const [userId, name] of people)
    await w.addressBook.rememberPerson(userId, new FakeTurn([], { conversationId: `${userId}-chat` }).address, name);
}

export const PRACTITIONER: StaffRole[] = ['practitioner'];
export const MANAGER: StaffRole[] = ['manager'];
export const ADMIN: StaffRole[] = ['admin'];
export const FAMILY: StaffRole[] = [];
