/**
 * The typed data of the card templates (cards/<name>.json) for the family survey, added from this folder to the one
 * map the renderer reads (`CardDataByTemplate` in src/cards/cardModels.ts).
 */
import type { ActionType } from '../../ports/messages.js';

/** Typed data for each template in cards/. The file name is the template name. */
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
  /** The easy-read switch: its words, and the choice it makes ("Easy read" turns it on). */
  easyReadTitle: string;
  easyReadNext: boolean;
  /**
   * Whether the card itself stops a save with a question unanswered. Where it does, the easy-read and faces presses
   * send no inputs (its check would stop them too; the page adds the ticks); where it does not, they send the ticks.
   */
  required: boolean;
  /** A child's first card: "Who is answering these questions?" (asked once, optional). */
  askWho: boolean;
  whoChoices: { title: string; value: string }[];
  questions: {
    id: string;
    label: string;
    value: string;
    missing: string;
    choices: { title: string; value: string }[];
  }[];
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
  easyReadTitle: string;
  easyReadNext: boolean;
  prompts: { id: string; prompt: string; maxLength: number; value: string }[];
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
  /** "I don't understand this question": an answer of its own, counted in no score. */
  unclearData: Record<string, unknown>;
  numbersData: Record<string, unknown>;
  easyReadTitle: string;
  easyReadData: Record<string, unknown>;
  askWho: boolean;
  whoChoices: { title: string; value: string }[];
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

declare module '../../cards/cardModels.js' {
  interface CardDataByTemplate {
    surveySection: SurveySectionCard;
    surveyFreeText: SurveyFreeTextCard;
    surveyFaces: SurveyFacesCard;
    sectionSaved: SectionSavedCard;
    surveyComplete: SurveyCompleteCard;
  }
}
