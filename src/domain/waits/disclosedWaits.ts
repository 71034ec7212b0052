import { discloseFigure, discloseParts, type Disclosed } from '../scores/disclosure.js';
import type { Rag, RatedShare, WaitingListStats } from './statistics.js';

/**
 * Waiting-list figures after disclosure control, for every output (chat, digest, CSV). Each rests on
 * children, so the survey's rule applies: nothing from 1–4 children is shown (a single child's wait
 * can identify them), zero is shown, and band counts hidden beside a shown total are protected from
 * recovery by subtraction. RAG is kept only when the share it rates is shown.
 */
export const WAITS_SUPPRESSED_TEXT = 'fewer than 5 children';

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
  const bands = discloseParts(
    { value: n, basis: n },
    stats.bands.map((b) => ({ value: b.count, basis: b.count })),
  );
  const shares = {
    waitingUnderTarget: { ...plain(stats.waitingUnderTarget), withinWeeks: stats.waitingUnderTarget.withinWeeks },
    seenWithinTargetThisTerm: rated(stats.seenWithinTargetThisTerm),
    triagedWithinTarget: stats.triagedWithinTarget ? rated(stats.triagedWithinTarget) : null,
  };
  const rags = [shares.seenWithinTargetThisTerm.rag, shares.triagedWithinTarget?.rag ?? null];
  return {
    waiting: bands.total,
    medianWeeks: weeks(stats.medianWeeks),
    p92Weeks: weeks(stats.p92Weeks),
    longestWeeks: weeks(stats.longestWeeks),
    bands: stats.bands.map((b, i) => ({ label: b.label, count: bands.parts[i] })),
    ...shares,
    waitingUnderAim: stats.waitingUnderAim
      ? { ...plain(stats.waitingUnderAim), withinWeeks: stats.waitingUnderAim.withinWeeks }
      : null,
    rag: (['red', 'amber', 'green'] as const).find((r) => rags.includes(r)) ?? null,
  };
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

function rated(s: RatedShare): DisclosedShare {
  const p = plain(s);
  return { ...p, withinWeeks: s.withinWeeks, targetShare: s.targetShare, rag: p.share.shown ? s.rag : null };
}
