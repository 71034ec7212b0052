import type { Referral } from '../../../src/features/waits/domain/referral.js';
import type { Service } from '../../../src/features/waits/domain/serviceCatalogue.js';
import type { Rag, TermWindow, WaitingListStats } from '../../../src/features/waits/domain/statistics.js';

/**
 * A deliberately plain reading of SPEC.md's definitions, sharing no code with the product: one list
 * of waits, filters for every figure. Slow, obvious, and only for checking the real implementation.
 */
export function naiveStats(referrals: Referral[], service: Service, d: string, term: TermWindow): WaitingListStats {
  const day = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  const by = (date: string | undefined) => date !== undefined && date <= d;
  const mine = referrals.filter((r) => r.service === service.id && r.referredOn <= d);
  const waits = mine
    .filter((r) => !by(r.firstSeenOn) && !by(r.closedOn))
    .map((r) => day(d) - day(r.referredOn))
    .sort((a, b) => a - b);
  const weeks = (days: number) => Math.round((days / 7) * 10) / 10;
  const pct = (p: number) => (waits.length ? weeks(waits[Math.max(1, Math.ceil(p * waits.length - 1e-9)) - 1]) : null);
  const rag = (share: number | null, target: number): Rag | null =>
    share === null
      ? null
      : share * 100 >= target * 100 - 1e-7
        ? 'green'
        : share * 100 >= target * 100 - 5 - 1e-7
          ? 'amber'
          : 'red';
  const ratio = (n: number, of: number) => ({ numerator: n, denominator: of, share: of === 0 ? null : n / of });
  const seenT = service.targets.seen;
  // A target nobody set (basis "assumed") is never rated.
  const rated = (t: { provenance: { basis: string } }) => t.provenance.basis !== 'assumed';

  const under = ratio(waits.filter((w) => w / 7 < seenT.weeks).length, waits.length);
  const last = term.end < d ? term.end : d;
  const seenInTerm = mine.filter(
    (r) => r.firstSeenOn !== undefined && r.firstSeenOn >= term.start && r.firstSeenOn <= last,
  );
  const seen = ratio(
    seenInTerm.filter((r) => day(r.firstSeenOn!) - day(r.referredOn) <= seenT.weeks * 7).length,
    seenInTerm.length,
  );

  let triaged: WaitingListStats['triagedWithinTarget'] = null;
  const tT = service.targets.triage;
  if (tT) {
    const inTerm = mine.filter((r) => r.referredOn >= term.start && r.referredOn <= last);
    const due = inTerm.filter((r) => by(r.triagedOn) || day(d) - day(r.referredOn) > tT.weeks * 7);
    const ok = due.filter((r) => by(r.triagedOn) && day(r.triagedOn!) - day(r.referredOn) <= tT.weeks * 7);
    const t = ratio(ok.length, due.length);
    triaged = { ...t, withinWeeks: tT.weeks, targetShare: tT.share, rag: rated(tT) ? rag(t.share, tT.share) : null };
  }

  const edges: Array<[string, number, number | null]> = [
    ['0–1', 0, 1],
    ['1–2', 1, 2],
    ['2–4', 2, 4],
    ['4–12', 4, 12],
    ['12–18', 12, 18],
    ['18–52', 18, 52],
    ['52 and over', 52, null],
  ];
  // Information only: no source sets a target for the share of those waiting.
  const waitingUnderTarget = { ...under, withinWeeks: seenT.weeks };
  const seenWithinTargetThisTerm = {
    ...seen,
    withinWeeks: seenT.weeks,
    targetShare: seenT.share,
    rag: rated(seenT) ? rag(seen.share, seenT.share) : null,
  };
  const rags = [seenWithinTargetThisTerm.rag, triaged?.rag ?? null];
  const aim = service.targets.aim?.weeks;
  return {
    serviceId: service.id,
    onDate: d,
    term: { start: term.start, end: term.end },
    referralsToDate: mine.length,
    waiting: waits.length,
    medianWeeks: pct(0.5),
    p92Weeks: pct(0.92),
    longestWeeks: waits.length ? weeks(waits[waits.length - 1]) : null,
    bands: edges.map(([label, from, to]) => ({
      label,
      fromWeeks: from,
      toWeeks: to,
      count: waits.filter((w) => w / 7 >= from && (to === null || w / 7 < to)).length,
    })),
    waitingUnderTarget,
    waitingUnderAim:
      aim === undefined ? null : { ...ratio(waits.filter((w) => w / 7 < aim).length, waits.length), withinWeeks: aim },
    seenWithinTargetThisTerm,
    triagedWithinTarget: triaged,
    rag: rags.includes('red') ? 'red' : rags.includes('amber') ? 'amber' : rags.includes('green') ? 'green' : null,
  };
}
