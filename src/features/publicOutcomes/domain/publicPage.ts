import type { OutcomeId } from '../../../domain/survey/questionBank.js';
import type { Measure } from '../../measures/domain/measureCatalogue.js';
import type { MeasureTrend, ScoreTrend } from '../../boardPack/domain/boardPack.js';

/** What is published now, subject by subject, for the managers' card. */
export type PublicStatus = {
  measures: { measure: Measure; isPublic: boolean }[];
  outcomes: { outcome: OutcomeId; name: string; isPublic: boolean }[];
};

/** The public page's figures: only what a manager marked public, each already disclosed. */
export type PublicPage = { asOf: string; term: string; outcomes: ScoreTrend[]; measures: MeasureTrend[] };
