/**
 * The map from each template in cards/ (the file name) to its typed data. A capability declares its own cards'
 * models in its folder and adds them here by augmenting `CardDataByTemplate` (see e.g.
 * src/features/waits/waitsCardModels.ts); only what several capabilities share is declared in this file.
 */

// An interface, not a type, so that each capability can add its templates from its own folder.
export interface CardDataByTemplate {
  figureTable: FigureTableCard;
}
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

/** One rated figure (a service's wait, a framework measure): its rating, headline, facts, notes and buttons. */
export type RatedFigureCard = {
  title: string;
  asOf: string;
  /** Container style: 'good' | 'warning' | 'attention' | 'default'. */
  ragStyle: string;
  rating: string;
  headline: string;
  facts: { title: string; value: string }[];
  notes: string[];
  buttons: { title: string; text: string }[];
};
