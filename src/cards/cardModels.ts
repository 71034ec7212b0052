/** Typed data for each template in cards/. The file name is the template name. */

import type { ActionType } from '../ports/messages.js';

export type SurveySectionCard = {
  sectionIndex: number;
  sectionTotal: number;
  section: string;
  shortName: string;
  plainWords: string;
  intro: string;
  code: string;
  bankVersion: string;
  actionType: ActionType;
  notice: string;
  lead: string;
  /** For a child answering with numbers: the button back to faces ('' for none). */
  switchScale: string;
  questions: {
    id: string;
    label: string;
    value: string;
    missing: string;
    choices: { title: string; value: string }[];
  }[];
};

/** One question for a child, answered by tapping a face (each face is a button carrying the answers so far). */
export type SurveyFacesCard = {
  lead: string;
  sectionIndex: number;
  sectionTotal: number;
  shortName: string;
  plainWords: string;
  questionIndex: number;
  questionTotal: number;
  questionText: string;
  actionType: ActionType;
  faces: { label: string; alt: string; image: string; data: Record<string, unknown> }[];
  skipData: Record<string, unknown>;
  numbersData: Record<string, unknown>;
};

export type SurveyFreeTextCard = {
  sectionIndex: number;
  sectionTotal: number;
  intro: string;
  code: string;
  bankVersion: string;
  actionType: ActionType;
  notice: string;
  lead: string;
  /** Who reads the words, said before they are written. */
  whoReads: string;
  /** What to do if they need help now ('' when none is set). */
  helpNow: string;
  prompts: { id: string; prompt: string; maxLength: number; value: string }[];
};

export type SectionSavedCard = { title: string; sectionIndex: number; sectionTotal: number; summary: string };
export type SurveyCompleteCard = {
  thanks: string;
  reviewRef: string;
  lead: string;
  /** Who reads the answers and words: only what is true. */
  whoReads: string;
  /** "You said, we did" for the outcomes just answered (may be empty). */
  youSaid: { outcome: string; youSaid: string; weDid: string }[];
};
export type InvitationListCard = {
  intro: string;
  actionType: ActionType;
  rows: {
    code: string;
    reviewRef: string;
    respondent: string;
    createdOn: string;
    status: string;
    renewable: boolean;
  }[];
};
export type InvitationCreatedCard = {
  reviewRef: string;
  respondent: string;
  respondentLower: string;
  displayCode: string;
  link: string;
  expiresOn: string;
  lead: string;
};
export type HelpCard = {
  title: string;
  intro: string;
  commands: { example: string; meaning: string }[];
  buttons: { title: string; text: string }[];
};

export type CardDataByTemplate = {
  surveySection: SurveySectionCard;
  surveyFreeText: SurveyFreeTextCard;
  surveyFaces: SurveyFacesCard;
  sectionSaved: SectionSavedCard;
  surveyComplete: SurveyCompleteCard;
  invitationCreated: InvitationCreatedCard;
  invitationList: InvitationListCard;
  help: HelpCard;
  figureTable: FigureTableCard;
  waitTimes: WaitTimesCard;
  measure: MeasureCard;
  termDigest: TermDigestCard;
  reviewAnswers: ReviewAnswersCard;
  reviewWords: ReviewWordsCard;
  worryAlert: WorryAlertCard;
  youSaidList: YouSaidListCard;
  youSaidForm: YouSaidFormCard;
};
export type CardTemplateName = keyof CardDataByTemplate;

/** A titled table of figures with notes: outcome scores, response rates, waiting times. */
export type FigureTableCard = {
  title: string;
  subtitle: string;
  headline: string;
  headers: string[];
  rows: { label: string; detail: string; cells: string[] }[];
  notes: string[];
  buttons: { title: string; text: string }[];
};

/** One service's waiting list: rating, headline, facts, the bands as text bars, notes. */
export type WaitTimesCard = {
  title: string;
  asOf: string;
  /** Container style: 'good' | 'warning' | 'attention' | 'default'. */
  ragStyle: string;
  rating: string;
  headline: string;
  facts: { title: string; value: string }[];
  bands: { label: string; count: string; bar: string }[];
  notes: string[];
  buttons: { title: string; text: string }[];
};

/** One framework measure: its rating against a target (if any), the figure, its changes, target and notes. */
export type MeasureCard = Omit<WaitTimesCard, 'bands'>;

/** The termly digest: needs attention, a bar chart of outcome means on the 1–5 scale, tables, CSV link. */
export type TermDigestCard = {
  title: string;
  subtitle: string;
  attentionTitle: string;
  /** Container style: 'attention' when something needs attention, else 'good'. */
  attentionStyle: string;
  attention: string[];
  hasChart: boolean;
  chartTitle: string;
  chartNote: string;
  /** What families are saying: one line per prompt with 10 or more comments, counted themes only. */
  themes: { label: string; detail: string }[];
  /** "You said, we did" entries (already escaped for chat). */
  youSaid: { outcome: string; youSaid: string; weDid: string }[];
  /** One bar per outcome and role: widths in hundredths of the 1–5 scale (filled from 1 to the mean). */
  bars: { label: string; filled: number; empty: number; value: string; style: string }[];
  outcomes: { label: string; cyp: string; pc: string }[];
  waits: { label: string; rating: string; detail: string }[];
  /** The framework's other measures, each under the outcome it evidences first. */
  measures: { outcome: string; label: string; rating: string; detail: string }[];
  rates: { title: string; value: string }[];
  notes: string[];
  /** Empty when there is no download link. */
  csvUrl: string;
  buttons: { title: string; text: string }[];
};

/** A review's scored answers for its practitioner: per respondent, per outcome, question and answer. */
export type ReviewAnswersCard = {
  title: string;
  subtitle: string;
  respondents: {
    heading: string;
    status: string;
    outcomes: { name: string; answers: { question: string; answer: string; previous: string }[] }[];
  }[];
  notes: string[];
  printUrl: string;
};

/** One respondent's own words, each already escaped for chat (shown exactly as written). */
export type ReviewWordsCard = {
  title: string;
  subtitle: string;
  words: { prompt: string; text: string; isSubtle: boolean; previous: string }[];
};

/** A family's answer a person should read today, with "I have seen this" while it is open. */
export type WorryAlertCard = {
  title: string;
  subtitle: string;
  why: string;
  asked: string;
  /** Already escaped for chat: shown exactly as written. */
  answer: string;
  status: string;
  notes: string[];
  canAcknowledge: boolean;
  actionType: ActionType;
  alertId: string;
};

/** The managers' list of "you said, we did" entries, each with Edit and Remove. */
export type YouSaidListCard = {
  intro: string;
  entries: { id: string; outcome: string; youSaid: string; weDid: string; history: string }[];
  publicPage: string;
};

/** Adding or editing one entry (`id` '' for a new one). */
export type YouSaidFormCard = {
  title: string;
  id: string;
  outcome: string;
  youSaid: string;
  weDid: string;
  notice: string;
  outcomes: { title: string; value: string }[];
};
