import { discloseFigure, MIN_RESPONDENTS, type Disclosed } from '../../../domain/disclosure/disclosure.js';
import { discloseWaitCounts } from './waitsDisclosure.js';
import { snapshotOf, type AtAnswer, type ChangeAnswer, type ExtractSnapshot } from './extractSnapshot.js';
import type { Rag, RatedShare, WaitingListStats } from './statistics.js';

/**
 * Waiting-list figures after disclosure control, for every output (chat, digest, CSV). Each rests on
 * children, so the survey's rule applies: nothing from 1–4 children is shown (a single child's wait
 * can identify them), zero is shown, and band counts hidden beside a shown total are protected from
 * recovery by subtraction. RAG is kept only when the share it rates is shown. WaitsService applies these
 * before anything is presented; the words for a hidden figure are in hiddenText.ts.
 */
export type DisclosedShare = {
  share: Disclosed;
  numerator: Disclosed;
  denominator: number;
  withinWeeks: number;
  targetShare: number;
  rag: Rag | null;
};

export type DisclosedWaits = {
  waiting: Disclosed;
  medianWeeks: Disclosed;
  p92Weeks: Disclosed;
  longestWeeks: Disclosed;
  bands: { label: string; count: Disclosed }[];
  /** Information: no source sets a target for the share of those waiting, so it is never rated. */
  waitingUnderTarget: Omit<DisclosedShare, 'rag' | 'targetShare'>;
  waitingUnderAim: Omit<DisclosedShare, 'rag' | 'targetShare'> | null;
  seenWithinTargetThisTerm: DisclosedShare;
  triagedWithinTarget: DisclosedShare | null;
  rag: Rag | null;
};

export function discloseWaits(stats: WaitingListStats): DisclosedWaits {
  const n = stats.waiting;
  const weeks = (value: number | null): Disclosed =>
    value === null ? { shown: true, value: 0, basis: 0 } : discloseFigure({ value, basis: n });
  // Every count of those waiting, as the children between two waits: disclosed together (waitsDisclosure.ts).
  const under = stats.waitingUnderTarget;
  const aim = stats.waitingUnderAim;
  const counts = discloseCounts(snapshotOf(stats));
  const shareOfWaiting = (key: string, s: { numerator: number; denominator: number; share: number | null }) => {
    const count = counts.get(key)!;
    const hidden: Disclosed = count.shown ? { shown: false, reason: 'suppressed' } : count;
    return {
      share:
        s.share === null
          ? hidden
          : count.shown && counts.get('waiting')!.shown
            ? { shown: true as const, value: s.share, basis: n }
            : hidden,
      numerator: count,
      denominator: s.denominator,
    };
  };
  const shares = {
    waitingUnderTarget: { ...shareOfWaiting('under', under), withinWeeks: under.withinWeeks },
    seenWithinTargetThisTerm: rated(stats.seenWithinTargetThisTerm),
    triagedWithinTarget: stats.triagedWithinTarget ? rated(stats.triagedWithinTarget) : null,
  };
  const rags = [shares.seenWithinTargetThisTerm.rag, shares.triagedWithinTarget?.rag ?? null];
  return {
    waiting: counts.get('waiting')!,
    medianWeeks: weeks(stats.medianWeeks),
    p92Weeks: weeks(stats.p92Weeks),
    longestWeeks: weeks(stats.longestWeeks),
    bands: stats.bands.map((b, i) => ({ label: b.label, count: counts.get(`band${i}`)! })),
    ...shares,
    waitingUnderAim: aim ? { ...shareOfWaiting('aim', aim), withinWeeks: aim.withinWeeks } : null,
    rag: (['red', 'amber', 'green'] as const).find((r) => rags.includes(r)) ?? null,
  };
}

/**
 * Every count of those waiting, as the children between two waits, disclosed together (waitsDisclosure.ts).
 * A card and a comparison of the same extract go through this one function, so they hide the same cells.
 */
function discloseCounts(s: ExtractSnapshot): Map<string, Disclosed> {
  return discloseWaitCounts([
    { key: 'waiting', from: 0, to: null, count: s.waiting },
    ...s.bands.map((b, i) => ({ key: `band${i}`, from: b.fromWeeks, to: b.toWeeks, count: b.count })),
    { key: 'under', from: 0, to: s.underTarget.withinWeeks, count: s.underTarget.count, summary: true },
    ...(s.underAim
      ? [{ key: 'aim', from: 0, to: s.underAim.withinWeeks, count: s.underAim.count, summary: true }]
      : []),
  ]);
}

/** One extract's headline figures for a comparison, hidden exactly as that extract's own card hid them. */
export type DisclosedSnapshot = {
  asOf: string;
  waiting: Disclosed;
  medianWeeks: Disclosed;
  underTarget: { withinWeeks: number; count: Disclosed; share: Disclosed };
};

export function discloseSnapshot(s: ExtractSnapshot): DisclosedSnapshot {
  const counts = discloseCounts(s);
  const waiting = counts.get('waiting')!;
  const under = counts.get('under')!;
  return {
    asOf: s.asOf,
    waiting,
    medianWeeks:
      s.medianWeeks === null
        ? { shown: true, value: 0, basis: 0 }
        : discloseFigure({ value: s.medianWeeks, basis: s.waiting }),
    underTarget: {
      withinWeeks: s.underTarget.withinWeeks,
      count: under,
      share:
        waiting.shown && under.shown && s.waiting > 0
          ? { shown: true, value: s.underTarget.count / s.waiting, basis: s.waiting }
          : under.shown
            ? { shown: false, reason: 'suppressed' }
            : under,
    },
  };
}

/** A change answer with every extract in it disclosed by discloseSnapshot, as its own card was. */
export type DisclosedChange =
  | { kind: 'noData' }
  | { kind: 'compared'; then: DisclosedSnapshot; now: DisclosedSnapshot; since: string }
  /** Nothing loaded from that far back: the earliest extract there is, so the answer can say so. */
  | { kind: 'nothingThatOld'; since: string; earliest: DisclosedSnapshot; now: DisclosedSnapshot }
  | { kind: 'trend'; snapshots: DisclosedSnapshot[] };

export function discloseChange(a: ChangeAnswer): DisclosedChange {
  switch (a.kind) {
    case 'noData':
      return a;
    case 'compared':
      return { kind: 'compared', then: discloseSnapshot(a.then), now: discloseSnapshot(a.now), since: a.since };
    case 'nothingThatOld':
      return {
        kind: 'nothingThatOld',
        since: a.since,
        earliest: discloseSnapshot(a.earliest),
        now: discloseSnapshot(a.now),
      };
    case 'trend':
      return { kind: 'trend', snapshots: a.snapshots.map(discloseSnapshot) };
  }
}

function plain(s: { numerator: number; denominator: number; share: number | null }) {
  return {
    share:
      s.share === null
        ? ({ shown: false, reason: 'suppressed' } as const)
        : discloseFigure({ value: s.share, basis: s.denominator }),
    numerator: discloseFigure({ value: s.numerator, basis: s.denominator }),
    denominator: s.denominator,
  };
}

/**
 * A share of those seen or triaged: hidden when it rests on fewer than 5, and also when those *not* in
 * time are 1–4 ("119 of 122" would say 3 were late). The rating stays in the second case: it says only
 * which side of the target the share is, not how many.
 */
function rated(s: RatedShare): DisclosedShare {
  const p = plain(s);
  const rag = p.share.shown ? s.rag : null;
  const late = s.denominator - s.numerator;
  if (p.share.shown && late > 0 && late < MIN_RESPONDENTS) {
    const hidden: Disclosed = { shown: false, reason: 'complementary' };
    return {
      share: hidden,
      numerator: hidden,
      denominator: s.denominator,
      withinWeeks: s.withinWeeks,
      targetShare: s.targetShare,
      rag,
    };
  }
  return { ...p, withinWeeks: s.withinWeeks, targetShare: s.targetShare, rag };
}

/** A period's answer with both its extracts disclosed by discloseSnapshot, as their own cards were. */
export type DisclosedAt =
  | { kind: 'noData' }
  | { kind: 'at'; then: DisclosedSnapshot; now: DisclosedSnapshot; when: 'latest' | 'inPeriod' | 'before' }
  | { kind: 'nothingThatOld'; earliest: DisclosedSnapshot; now: DisclosedSnapshot };

export function discloseAt(a: AtAnswer): DisclosedAt {
  if (a.kind === 'noData') return a;
  if (a.kind === 'at') return { ...a, then: discloseSnapshot(a.then), now: discloseSnapshot(a.now) };
  return { kind: 'nothingThatOld', earliest: discloseSnapshot(a.earliest), now: discloseSnapshot(a.now) };
}
