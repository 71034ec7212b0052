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
import { confirmEraseRoute, eraseReviewRoute } from '../features/admin/eraseReviewRoutes.js';
import { unansweredQuestionsRoute } from '../features/admin/unansweredQuestionsRoute.js';
import { askButtonRoute } from '../features/conversation/askButtonRoute.js';
import {
  clarifyRoute,
  familyLanding,
  helpRoute,
  smallTalkRoute,
  unknownRoute,
} from '../features/conversation/conversationRoutes.js';
import { deliveryReportRoute } from '../features/digests/deliveryReportRoute.js';
import { digestRoute } from '../features/digests/digestRoute.js';
import { responseRateRoute } from '../features/scores/responseRateRoute.js';
import { scoresRoute } from '../features/scores/scoresRoute.js';
import { waitsRoute } from '../features/waits/waitsRoute.js';
import { inviteRoute } from '../features/invitations/inviteRoute.js';
import { myInvitationsRoute } from '../features/invitations/myInvitationsRoute.js';
import { renewInvitationRoute } from '../features/invitations/renewInvitationRoute.js';
import { Router } from './router.js';
import { reviewAnswersRoute, whoViewedRoute } from '../features/reviews/reviewAnswersRoutes.js';
import type { ReviewAnswersService } from '../features/reviews/reviewAnswersService.js';
import type { WorryAlertsService } from '../features/worries/worryAlertsService.js';
import { acknowledgeWorryRoute } from '../features/worries/acknowledgeWorryRoute.js';
import type { YouSaidService } from '../features/youSaid/youSaidService.js';
import type { ThemesService } from '../features/themes/themesService.js';
import { themesRoute } from '../features/themes/themesRoute.js';
import {
  youSaidEditRoute,
  youSaidRemoveRoute,
  youSaidRoute,
  youSaidSaveRoute,
} from '../features/youSaid/youSaidRoutes.js';
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
};

/** Every route the bot answers to, in one table; the router looks them up. */
export function buildRoutes(d: RouteDeps): { router: Router; events: ConversationEvents } {
  const family = new FamilySurvey(d.survey, d.bank, d.assetBaseUrl, d.familyHelpText, d.youSaid);
  const youSaid = { youSaid: d.youSaid, bank: d.bank, publicBaseUrl: d.assetBaseUrl };
  const router: Router = new Router({
    services: () => d.waits.catalogue,
    context: d.askContext && followUps(d.askContext, d.clock),
    // A catalogue measure is already the understanding's MeasureVocab: no copy per message.
    measures: () => d.measures.catalogue.measures,
    intents: [
      helpRoute(family),
      surveyCodeRoute(family),
      inviteRoute(d.invitations),
      myInvitationsRoute(d.invitations),
      scoresRoute(d.scores, d.bank, d.measures.catalogue.surveyTargets),
      responseRateRoute(d.scores),
      waitsRoute(d.waits, d.questionLog, d.clock),
      measureRoute(d.measures, d.clock, d.questionLog),
      outcomeOverviewRoute(d.scores, d.measures, d.bank, d.clock),
      digestRoute(d.digests),
      deliveryReportRoute(d.digests),
      unansweredQuestionsRoute(d.questionLog, d.clock),
      eraseReviewRoute(),
      confirmEraseRoute(d.erasure),
      reviewAnswersRoute(d.reviews),
      whoViewedRoute(d.reviews),
      youSaidRoute(youSaid),
      themesRoute(d.themes, d.bank),
      clarifyRoute(family),
      smallTalkRoute(),
      unknownRoute(family, d.questionLog, d.clock),
    ],
    cards: [
      saveSectionRoute(family),
      answerQuestionRoute(family),
      chooseScaleRoute(family),
      renewInvitationRoute(d.invitations),
      acknowledgeWorryRoute(d.worries),
      youSaidEditRoute(youSaid),
      youSaidSaveRoute(youSaid),
      youSaidRemoveRoute(youSaid),
      askButtonRoute((turn) => router.routeText(turn)),
    ],
  });
  const events: ConversationEvents = {
    welcome: (turn) => familyLanding(turn, family),
    surveyLink: async (turn, code) => {
      if (await family.redeemCode(turn, code.slice(0, 40))) return;
      await turn.send({
        text: 'This link is not complete. Please check you copied the whole link from your invitation, or type the code from it here.',
      });
    },
  };
  return { router, events };
}

/** A conversation's last question, remembered for FOLLOW_UP_MINUTES. */
function followUps(store: AskContext, clock: Clock) {
  return {
    recall: (conversationId: string) =>
      store.lastQuestion(conversationId, new Date(clock.now().getTime() - FOLLOW_UP_MINUTES * 60_000)),
    remember: (conversationId: string, question: Parameters<AskContext['rememberQuestion']>[1]) =>
      store.rememberQuestion(conversationId, question, clock.now()),
  };
}
