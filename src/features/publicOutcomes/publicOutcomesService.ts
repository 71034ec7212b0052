import type { Clock } from '../../domain/clock.js';
import { OUTCOME_IDS, type QuestionBank } from '../../domain/survey/questionBank.js';
import type { TermCalendar } from '../../domain/terms/termCalendar.js';
import type { Measure } from '../measures/domain/measureCatalogue.js';
import type { MeasureStore } from '../measures/measureStores.js';
import type { ScoresService } from '../scores/scoresService.js';
import { readMeasureTrends, readScoreTrends, type ComparatorSource } from '../boardPack/boardPackInputs.js';
import type { PublicPage, PublicStatus } from './domain/publicPage.js';
import { publicNow, type PublicSubject } from './domain/publicMark.js';
import type { PublicMarks } from './publicOutcomesStores.js';

export type { PublicPage, PublicStatus };

export type PublicOutcomesDeps = {
  bank: QuestionBank;
  terms: TermCalendar;
  clock: Clock;
  scores: Pick<ScoresService, 'scores'>;
  catalogue: readonly Measure[];
  measureValues: Pick<MeasureStore, 'list'>;
  marks: PublicMarks;
  comparators?: ComparatorSource;
};

/**
 * The framework's published figures for the Local Offer: managers choose what is public (every change
 * kept, who and when); the page shows those figures alone, through the same disclosure rules.
 */
export class PublicOutcomesService {
  constructor(private readonly d: PublicOutcomesDeps) {}

  /** Marks subjects public or not; unknown measure or outcome ids are refused before anything is kept. */
  async mark(subjects: readonly PublicSubject[], isPublic: boolean, by: string): Promise<{ unknown: string[] }> {
    const unknown = subjects.filter((s) => !this.known(s));
    if (unknown.length) return { unknown };
    const at = this.d.clock.now().toISOString();
    for (const subject of subjects) await this.d.marks.add({ subject, isPublic, by, at });
    return { unknown: [] };
  }

  /** Sets every subject to what a card says (only those that change are recorded). */
  async setAll(wanted: ReadonlyMap<PublicSubject, boolean>, by: string): Promise<number> {
    const now = publicNow(await this.d.marks.all());
    const changes = [...wanted].filter(([s, pub]) => this.known(s) && now.has(s) !== pub);
    const at = this.d.clock.now().toISOString();
    for (const [subject, isPublic] of changes) await this.d.marks.add({ subject, isPublic, by, at });
    return changes.length;
  }

  async status(): Promise<PublicStatus> {
    const now = publicNow(await this.d.marks.all());
    return {
      measures: this.d.catalogue.map((measure) => ({ measure, isPublic: now.has(`measure:${measure.id}`) })),
      outcomes: this.d.bank.outcomes.map((o) => ({
        outcome: o.id,
        name: o.shortName,
        isPublic: now.has(`outcome:${o.id}`),
      })),
    };
  }

  async page(): Promise<PublicPage> {
    const now = publicNow(await this.d.marks.all());
    const today = this.d.clock.today();
    const term = this.d.terms.termOf(today);
    const outcomes = this.d.bank.outcomes.filter((o) => now.has(`outcome:${o.id}`));
    const measures = this.d.catalogue.filter((m) => now.has(`measure:${m.id}`));
    const [scoreTrends, measureTrends] = await Promise.all([
      outcomes.length ? readScoreTrends(this.d, term) : Promise.resolve([]),
      readMeasureTrends(measures, this.d.measureValues, this.d.comparators),
    ]);
    return {
      asOf: today,
      term: term.label,
      outcomes: scoreTrends.filter((t) => outcomes.some((o) => o.id === t.outcome)),
      measures: measureTrends,
    };
  }

  private known(s: PublicSubject): boolean {
    const [kind, id] = s.split(':');
    return kind === 'measure'
      ? this.d.catalogue.some((m) => m.id === id)
      : (OUTCOME_IDS as readonly string[]).includes(id);
  }
}
