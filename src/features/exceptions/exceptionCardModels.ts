/**
 * The typed data of the card templates (cards/<name>.json) for exceptions commentary, added from this folder
 * to the one map the renderer reads (`CardDataByTemplate` in src/cards/cardModels.ts).
 */

/** The measures that need commentary, each with what is being done (or that nothing is written yet). */
export type ExceptionListCard = {
  intro: string;
  items: { measureId: string; measure: string; figure: string; why: string; commentary: string; button: string }[];
  notes: string[];
};

/** Writing (or rewriting) the commentary of one measure. */
export type ExceptionFormCard = {
  title: string;
  measureId: string;
  figure: string;
  why: string;
  action: string;
  due: string;
  /** The earliest date the picker offers (today). */
  minDate: string;
  notice: string;
};

declare module '../../cards/cardModels.js' {
  interface CardDataByTemplate {
    exceptionList: ExceptionListCard;
    exceptionForm: ExceptionFormCard;
  }
}
