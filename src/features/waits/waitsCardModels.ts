/**
 * The typed data of the card templates (cards/<name>.json) for waiting times, added from this folder to the one
 * map the renderer reads (`CardDataByTemplate` in src/cards/cardModels.ts).
 */
import type { RatedFigureCard } from '../../cards/cardModels.js';

/** One service's waiting list: its rated figure and the bands as text bars. */
export type WaitTimesCard = RatedFigureCard & { bands: { label: string; count: string; bar: string }[] };

declare module '../../cards/cardModels.js' {
  interface CardDataByTemplate {
    waitTimes: WaitTimesCard;
  }
}
