/**
 * The typed data of the card templates (cards/<name>.json) for the termly digest, added from this folder to the one
 * map the renderer reads (`CardDataByTemplate` in src/cards/cardModels.ts).
 */

/** The termly digest: needs attention, a bar chart of outcome means on the 1–5 scale, tables, CSV link. */
export type TermDigestCard = {
  title: string;
  subtitle: string;
  attentionTitle: string;
  /** Container style: 'attention' when something needs attention, else 'good'. */
  attentionStyle: string;
  /** The few lines that need a decision, worst first (at most LEAD_LINES), shown before anything else. */
  lead: string[];
  /** "and 3 more: …" when the lead leaves some out; else empty. */
  leadMore: string;
  /** Exceptions without commentary, and the survey's response rate: what someone may have to chase. */
  decisions: string[];
  /** Everything needing attention in full (with its target and commentary), one press away. */
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

declare module '../../cards/cardModels.js' {
  interface CardDataByTemplate {
    termDigest: TermDigestCard;
  }
}
