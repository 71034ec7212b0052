import { z } from 'zod';
import { addDays, longDate } from '../../domain/dates.js';
import { signToken, verifyToken } from '../../domain/security/signedToken.js';
import { resolveTerm, type TermRef } from '../../domain/terms/termRef.js';
import type { Term } from '../../domain/terms/termCalendar.js';
import type { Secrets } from '../../ports/secrets.js';
import { buildTermDigest } from '../digests/domain/termDigest.js';
import { readDigestInputs, type DigestSources } from '../digests/digestInputs.js';
import type { ExceptionsService } from '../exceptions/exceptionsService.js';
import type { MeasureStore } from '../measures/measureStores.js';
import type { BoardPack, ExceptionEntry, PackPeriod } from './domain/boardPack.js';
import { readMeasureTrends, readScoreTrends, type ComparatorSource } from './boardPackInputs.js';
import type { ReportView, ReportViewLog } from './boardPackStores.js';

/** How long a board pack link works: a day, to open and print before the meeting, not to keep. */
export const PACK_LINK_HOURS = 24;

/** What was asked for: a term as people name it, or the last few weeks. */
export type PackAsk = { kind: 'term'; term: TermRef } | { kind: 'weeks'; weeks: number };

const claimsSchema = z.object({
  // 'term:2026-27-autumn' or 'weeks:6:2026-12-07' (the end date, so the link always shows the same span).
  p: z.string().regex(/^(term:\d{4}-\d{2}-[a-z]+|weeks:\d{1,2}:\d{4}-\d{2}-\d{2})$/),
  by: z.string().min(1).max(200),
  exp: z.number().int().positive(),
});

const NUMBER_WORDS = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const weeksWords = (n: number) => `${NUMBER_WORDS[n] ?? n} week${n === 1 ? '' : 's'}`;

export type BoardPackDeps = DigestSources & {
  exceptions: Pick<ExceptionsService, 'due'>;
  measureValues: Pick<MeasureStore, 'list'>;
  views: ReportViewLog;
  secrets: Secrets;
  publicBaseUrl: string;
  /** Published comparators per measure, once the measures capability holds them. */
  comparators?: ComparatorSource;
};

/**
 * The partnership board's pack: built from what the digest is built from (aggregates, waiting-list
 * summaries, measures) plus trends and exceptions commentary, behind a signed link that expires. Managers
 * only (the route checks); every opening is recorded, as a review's printed answers are.
 */
export class BoardPackService {
  constructor(private readonly d: BoardPackDeps) {}

  /** The period a request names, or undefined for a term the calendar does not have. */
  resolve(ask: PackAsk): PackPeriod | undefined {
    if (ask.kind === 'weeks') {
      const to = this.d.clock.today();
      const weeks = Math.min(Math.max(Math.round(ask.weeks), 1), 26);
      return { kind: 'weeks', weeks, from: addDays(to, -7 * weeks), to, termId: this.d.terms.termOf(to).id };
    }
    const term = resolveTerm(ask.term, this.d.terms, this.d.clock);
    return term && term.start <= this.d.clock.today() ? { kind: 'term', termId: term.id } : undefined;
  }

  /** A signed link to the pack of a period, for this person, working for PACK_LINK_HOURS. */
  async link(
    period: PackPeriod,
    viewer: string,
  ): Promise<{ url: string; pdfUrl: string; title: string; expires: string }> {
    const exp = Math.floor(this.d.clock.now().getTime() / 1000) + PACK_LINK_HOURS * 3600;
    const p = period.kind === 'term' ? `term:${period.termId}` : `weeks:${period.weeks}:${period.to}`;
    const claims: z.infer<typeof claimsSchema> = { p, by: viewer, exp };
    const token = encodeURIComponent(signToken(claims, await this.d.secrets.get('board-pack')));
    await this.record(period, viewer, 'link');
    return {
      url: `${this.d.publicBaseUrl}/board-pack?token=${token}`,
      pdfUrl: `${this.d.publicBaseUrl}/board-pack.pdf?token=${token}`,
      title: this.titleOf(period),
      expires: new Date(exp * 1000).toISOString(),
    };
  }

  /** The pack behind a link, recorded as viewed (page or PDF); refused when the link is altered or old. */
  async forToken(
    token: string,
    how: 'html' | 'pdf',
  ): Promise<{ kind: 'pack'; pack: BoardPack } | { kind: 'refused'; why: 'expired' | 'invalid' }> {
    const check = verifyToken(token, claimsSchema, await this.d.secrets.get('board-pack'), this.d.clock.now());
    if (!check.ok) return { kind: 'refused', why: check.reason === 'expired' ? 'expired' : 'invalid' };
    const period = this.periodOf(check.claims.p);
    if (!period) return { kind: 'refused', why: 'invalid' };
    // Recorded before anything is shown: a view that cannot be recorded is not given.
    await this.record(period, check.claims.by, how);
    return { kind: 'pack', pack: await this.build(period) };
  }

  /** Who opened which pack, newest first. */
  views(): Promise<ReportView[]> {
    return this.d.views.list();
  }

  async build(period: PackPeriod): Promise<BoardPack> {
    const term = this.d.terms.byId(period.termId)!;
    const [input, scoreTrends] = await Promise.all([readDigestInputs(this.d, term), readScoreTrends(this.d, term)]);
    const digest = buildTermDigest(input);
    const [measureTrends, due] = await Promise.all([
      readMeasureTrends(
        digest.measures.map((m) => m.measure),
        this.d.measureValues,
        this.d.comparators,
      ),
      this.d.exceptions.due(digest.measures),
    ]);
    const exceptions: ExceptionEntry[] = due.map((e) => ({
      measure: e.line.measure,
      latest: e.line.figures!.latest,
      why: e.why,
      ...(e.note ? { note: e.note } : {}),
    }));
    return {
      period,
      title: this.titleOf(period),
      ...(period.kind === 'weeks' ? { periodNote: this.weeksNote(period, term) } : {}),
      digest,
      scoreTrends,
      measureTrends,
      exceptions,
    };
  }

  private titleOf(period: PackPeriod): string {
    if (period.kind === 'term') return this.d.terms.byId(period.termId)!.label;
    return `The ${weeksWords(period.weeks)} to ${longDate(period.to)}`;
  }

  private weeksNote(period: Extract<PackPeriod, { kind: 'weeks' }>, term: Term): string {
    return `Survey answers are counted by term, so the scores and response rates are for ${term.label} so far (from ${longDate(term.start)}); waiting times are as of ${longDate(period.to)}; each measure shows its latest period.`;
  }

  private periodOf(p: string): PackPeriod | undefined {
    const [kind, a, b] = p.split(':');
    if (kind === 'term') return this.d.terms.byId(a) ? { kind: 'term', termId: a } : undefined;
    const weeks = Number(a);
    return { kind: 'weeks', weeks, from: addDays(b, -7 * weeks), to: b, termId: this.d.terms.termOf(b).id };
  }

  private async record(period: PackPeriod, viewer: string, how: ReportView['how']): Promise<void> {
    await this.d.views.record({
      report: `board pack ${this.titleOf(period)}`,
      viewer,
      at: this.d.clock.now().toISOString(),
      how,
    });
  }
}
