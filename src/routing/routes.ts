import type { DigestService } from '../features/digests/digestService.js';
import type { ErasureService } from '../features/admin/erasureService.js';
import type { InvitationService } from '../features/invitations/invitationService.js';
import type { ScoresService } from '../features/scores/scoresService.js';
import type { SurveyService } from '../features/survey/surveyService.js';
import type { WaitsService } from '../features/waits/waitsService.js';
import type { MeasuresService } from '../features/measures/measuresService.js';
import { measureRoute, outcomeOverviewRoute } from '../features/measures/measureRoutes.js';
import type { Clock } from '../domain/clock.js';
import type { QuestionBank } from '../domain/survey/questionBank.js';
import type { QuestionLog } from '../features/admin/adminStores.js';
import type { AskContext } from '../features/survey/surveyStores.js';
import { FOLLOW_UP_MINUTES } from '../understanding/followUp.js';
import type { Turn } from '../ports/turn.js';
import { confirmEraseRoute } from '../features/admin/eraseReviewRoutes.js';
import { askButtonRoute } from '../features/conversation/askButtonRoute.js';
import {
  clarifyRoute,
  familyLanding,
  helpRoute,
  smallTalkRoute,
  unknownRoute,
} from '../features/conversation/conversationRoutes.js';
import { responseRateRoute } from '../features/scores/responseRateRoute.js';
import { scoresRoute } from '../features/scores/scoresRoute.js';
import { waitsRoute } from '../features/waits/waitsRoute.js';
import { renewInvitationRoute } from '../features/invitations/renewInvitationRoute.js';
import { inviteFormRoute } from '../features/invitations/inviteFormRoute.js';
import { Router } from './router.js';
import { sayingScope } from './scopeNote.js';
import type { IntentName, IntentRoute } from './route.js';
import type { AnyIntentReader } from '../understanding/intentReader.js';
import { notHeldIntent } from '../features/notHeld/notHeldIntent.js';
import { eraseReviewIntent, unansweredQuestionsIntent } from '../features/admin/adminIntents.js';
import { reviewAnswersIntent, whoViewedIntent } from '../features/reviews/reviewIntents.js';
import { youSaidIntent } from '../features/youSaid/youSaidIntent.js';
import { themesIntent } from '../features/themes/themesIntent.js';
import { inviteIntent, myInvitationsIntent } from '../features/invitations/invitationIntents.js';
import { digestIntent } from '../features/digests/digestIntent.js';
import { deliveryReportIntent } from '../features/digests/deliveryReportIntent.js';
import { glossaryIntent } from '../features/glossary/glossaryIntent.js';
import { exceptionsIntent } from '../features/exceptions/exceptionsIntent.js';
import { exceptionEditRoute, exceptionSaveRoute } from '../features/exceptions/exceptionRoutes.js';
import type { ExceptionsService } from '../features/exceptions/exceptionsService.js';
import { boardPackIntent } from '../features/boardPack/boardPackIntent.js';
import type { BoardPackService } from '../features/boardPack/boardPackService.js';
import { publicFiguresIntent } from '../features/publicOutcomes/publicOutcomesIntent.js';
import { publicFiguresSaveRoute } from '../features/publicOutcomes/publicOutcomesRoutes.js';
import type { PublicOutcomesService } from '../features/publicOutcomes/publicOutcomesService.js';
import { unclearQuestionsIntent } from '../features/unclearQuestions/unclearQuestionsIntent.js';
import { answeredAloneIntent } from '../features/answeredAlone/answeredAloneIntent.js';
import type { AnsweredAloneService } from '../features/answeredAlone/answeredAloneService.js';
import type { UnclearQuestionsService } from '../features/unclearQuestions/unclearQuestionsService.js';
import type { ReviewAnswersService } from '../features/reviews/reviewAnswersService.js';
import type { WorryAlertsService } from '../features/worries/worryAlertsService.js';
import { acknowledgeWorryRoute } from '../features/worries/acknowledgeWorryRoute.js';
import type { YouSaidService } from '../features/youSaid/youSaidService.js';
import type { ThemesService } from '../features/themes/themesService.js';
import { youSaidEditRoute, youSaidRemoveRoute, youSaidSaveRoute } from '../features/youSaid/youSaidRoutes.js';
import { FamilySurvey } from '../features/survey/familySurvey.js';
import {
  answerQuestionRoute,
  chooseScaleRoute,
  saveSectionRoute,
  surveyCodeRoute,
} from '../features/survey/surveyRoutes.js';

export type RouteDeps = {
  bank: QuestionBank;
  clock: Clock;
  survey: SurveyService;
  invitations: InvitationService;
  scores: ScoresService;
  waits: WaitsService;
  measures: MeasuresService;
  digests: DigestService;
  erasure: ErasureService;
  reviews: ReviewAnswersService;
  worries: WorryAlertsService;
  youSaid: YouSaidService;
  themes: ThemesService;
  unclearQuestions: UnclearQuestionsService;
  answeredAlone: AnsweredAloneService;
  exceptions: ExceptionsService;
  boardPacks: BoardPackService;
  publicOutcomes: PublicOutcomesService;
  questionLog: QuestionLog;
  /** Where each conversation's last question is kept, so follow-ups can be read against it. */
  askContext?: AskContext;
  /** The bot's public base URL, where the face pictures are served. */
  assetBaseUrl: string;
  /** What families are told to do if they need help now (FAMILY_HELP_TEXT). */
  familyHelpText: string;
};

/** What happens outside a typed message or a pressed card: someone joins, or opens their personal link. */
export type ConversationEvents = {
  welcome(turn: Turn): Promise<void>;
  surveyLink(turn: Turn, code: string): Promise<void>;
  /** A family typed in a chat whose survey is in progress: answered there, the place kept; false if not. */
  surveyText?(turn: Turn): Promise<boolean>;
};

/**
 * Capabilities' own intents, each declared once in its folder (how it is read, how it is answered).
 * A new intent is one line here. On equal evidence the earlier wins (each is placed before the figures
 * questions): a subject not held, then the admin and review commands, then invitations and the digest.
 */
const CAPABILITY_INTENTS = [
  notHeldIntent,
  eraseReviewIntent,
  whoViewedIntent,
  reviewAnswersIntent,
  youSaidIntent,
  themesIntent,
  unclearQuestionsIntent,
  answeredAloneIntent,
  unansweredQuestionsIntent,
  myInvitationsIntent,
  inviteIntent,
  boardPackIntent,
  exceptionsIntent,
  publicFiguresIntent,
  digestIntent,
  deliveryReportIntent,
  glossaryIntent,
] as const;

/** How the capabilities' own intents are read: the language core scores them beside the built-in ones. */
export const INTENT_READERS: readonly AnyIntentReader[] = CAPABILITY_INTENTS.map((c) => c.reader);

type CapabilityIntentName = (typeof CAPABILITY_INTENTS)[number]['reader']['intent'];
/** Every other intent has its route in the table below: one missing does not compile. */
type BuiltInRoutes = { [N in Exclude<IntentName, CapabilityIntentName>]: IntentRoute & { intent: N } };

/** Every route the bot answers to, in one table; the router looks them up. */
export function buildRoutes(d: RouteDeps): { router: Router; events: ConversationEvents } {
  const family = new FamilySurvey(d.survey, d.bank, d.assetBaseUrl, d.familyHelpText, d.youSaid);
  const youSaid = { youSaid: d.youSaid, bank: d.bank, publicBaseUrl: d.assetBaseUrl };
  const questions = d.bank.allScored();
  const reporting = { ...d, publicBaseUrl: d.assetBaseUrl };
  const builtIn: BuiltInRoutes = {
    help: helpRoute(family),
    surveyCode: surveyCodeRoute(family),
    // Figures held for the whole area only: each says so when asked for a breakdown ("by school").
    scores: sayingScope(scoresRoute(d.scores, d.bank, d.measures.catalogue.surveyTargets)),
    responseRate: sayingScope(responseRateRoute(d.scores)),
    waits: sayingScope(waitsRoute(d.waits, d.questionLog, d.clock)),
    measure: sayingScope(measureRoute(d.measures, d.clock, d.questionLog, { scores: d.scores, bank: d.bank })),
    outcomeOverview: outcomeOverviewRoute(d.scores, d.measures, d.bank, d.clock),
    confirmErase: confirmEraseRoute(d.erasure),
    clarify: clarifyRoute(family),
    smallTalk: smallTalkRoute(),
    unknown: unknownRoute(family, d.questionLog, d.clock),
  };
  const router: Router = new Router({
    services: () => d.waits.catalogue,
    context: d.askContext && followUps(d.askContext, d.clock),
    // A catalogue measure is already the understanding's MeasureVocab: no copy per message.
    measures: () => d.measures.catalogue.measures,
    // One list for the bot's life: the understanding compiles the bank's wording once.
    questions: () => questions,
    readers: INTENT_READERS,
    intents: [...Object.values(builtIn), ...CAPABILITY_INTENTS.map((c) => c.route(reporting))],
    cards: [
      saveSectionRoute(family),
      answerQuestionRoute(family),
      chooseScaleRoute(family),
      renewInvitationRoute(d.invitations),
      inviteFormRoute(d.invitations),
      acknowledgeWorryRoute(d.worries),
      youSaidEditRoute(youSaid),
      youSaidSaveRoute(youSaid),
      youSaidRemoveRoute(youSaid),
      exceptionEditRoute(d),
      exceptionSaveRoute(d),
      publicFiguresSaveRoute(reporting),
      askButtonRoute((turn) => router.routeText(turn)),
    ],
  });
  const events: ConversationEvents = {
    welcome: (turn) => familyLanding(turn, family),
    surveyText: (turn) => family.answerTyped(turn),
    surveyLink: async (turn, code) => {
      if (await family.redeemCode(turn, code.slice(0, 40))) return;
      await turn.send({
        text: 'This link is not complete. Please check you copied the whole link from your invitation, or type the code from it here.',
      });
    },
  };
  return { router, events };
}

/**
 * A conversation's last question, remembered for FOLLOW_UP_MINUTES. Remembering does not hold up the
 * answer: the write goes on after the reply, and until it is stored a follow-up on this instance is read
 * against the question being written (the newest this instance knows). One sent to another instance within
 * the milliseconds of the write may be read alone: nobody types that fast. A failed write only loses the
 * follow-up, as a damaged row does.
 */
function followUps(store: AskContext, clock: Clock) {
  type Question = Parameters<AskContext['rememberQuestion']>[1];
  const writing = new Map<string, { question: Question; done: Promise<void> }>();
  return {
    recall: async (conversationId: string) => {
      const pending = writing.get(conversationId);
      if (pending) return pending.question;
      return store.lastQuestion(conversationId, new Date(clock.now().getTime() - FOLLOW_UP_MINUTES * 60_000));
    },
    remember: async (conversationId: string, question: Question) => {
      const before = writing.get(conversationId)?.done ?? Promise.resolve();
      const at = clock.now();
      // Writes for one conversation stay in the order asked, so the stored question is the last one.
      const done: Promise<void> = before
        .then(() => store.rememberQuestion(conversationId, question, at))
        .catch(() => undefined)
        .finally(() => {
          if (writing.get(conversationId)?.done === done) writing.delete(conversationId);
        });
      writing.set(conversationId, { question, done });
    },
  };
}
