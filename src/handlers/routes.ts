import type { DigestService } from '../app/digests/digestService.js';
import type { ErasureService } from '../app/erasureService.js';
import type { InvitationService } from '../app/invitationService.js';
import type { ScoresService } from '../app/scoresService.js';
import type { SurveyService } from '../app/surveyService.js';
import type { WaitsService } from '../app/waitsService.js';
import type { MeasuresService } from '../app/measuresService.js';
import { measureRoute, outcomeOverviewRoute } from './figures/measureRoutes.js';
import type { Clock } from '../domain/clock.js';
import type { QuestionBank } from '../domain/survey/questionBank.js';
import type { QuestionLog } from '../ports/adminStores.js';
import type { AskContext } from '../ports/surveyStores.js';
import { FOLLOW_UP_MINUTES } from '../domain/nlu/followUp.js';
import type { Turn } from '../ports/turn.js';
import { confirmEraseRoute, eraseReviewRoute } from './admin/eraseReviewRoutes.js';
import { unansweredQuestionsRoute } from './admin/unansweredQuestionsRoute.js';
import { askButtonRoute } from './conversation/askButtonRoute.js';
import {
  clarifyRoute,
  familyLanding,
  helpRoute,
  smallTalkRoute,
  unknownRoute,
} from './conversation/conversationRoutes.js';
import { deliveryReportRoute } from './digest/deliveryReportRoute.js';
import { digestRoute } from './digest/digestRoute.js';
import { responseRateRoute } from './figures/responseRateRoute.js';
import { scoresRoute } from './figures/scoresRoute.js';
import { waitsRoute } from './figures/waitsRoute.js';
import { inviteRoute } from './invite/inviteRoute.js';
import { myInvitationsRoute } from './invite/myInvitationsRoute.js';
import { renewInvitationRoute } from './invite/renewInvitationRoute.js';
import { Router } from './router.js';
import { reviewAnswersRoute, whoViewedRoute } from './reviews/reviewAnswersRoutes.js';
import type { ReviewAnswersService } from '../app/reviewAnswersService.js';
import type { WorryAlertsService } from '../app/worryAlertsService.js';
import { acknowledgeWorryRoute } from './worries/acknowledgeWorryRoute.js';
import type { YouSaidService } from '../app/youSaidService.js';
import type { ThemesService } from '../app/themesService.js';
import { themesRoute } from './figures/themesRoute.js';
import { youSaidEditRoute, youSaidRemoveRoute, youSaidRoute, youSaidSaveRoute } from './youSaid/youSaidRoutes.js';
import { FamilySurvey } from './survey/familySurvey.js';
import { answerQuestionRoute, chooseScaleRoute, saveSectionRoute, surveyCodeRoute } from './survey/surveyRoutes.js';

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
