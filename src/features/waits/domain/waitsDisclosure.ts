import { MIN_RESPONDENTS, type Disclosed } from '../../../domain/disclosure/disclosure.js';

/**
 * Disclosure over a whole waiting-list answer, not cell by cell. Every count shown is the number of
 * children between two waits: a band (between its edges), "waiting under N weeks" (between 0 and N), the
 * number waiting (between 0 and no limit). Two counts that share an edge let a reader subtract one from
 * the other, so anything between two edges that the shown counts connect can be worked out. The rule:
 * no count that can be worked out is 1 to 4. Cells are hidden until that holds — a count under 5 first
 * ("fewer than 5"), then whatever gives one away, "waiting under N weeks" before the bands (it is the
 * summary a reader can do without), the smallest band after ("not shown").
 */
export type WaitCount = {
  /** In weeks; `to` null for no upper limit. */
  from: number;
  to: number | null;
  count: number;
  /** Which figure it is, for the caller. */
  key: string;
  /** Hidden before the bands when something must give. */
  summary?: boolean;
};

export function discloseWaitCounts(counts: readonly WaitCount[]): Map<string, Disclosed> {
  const out = new Map<string, Disclosed>();
  for (const c of counts)
    out.set(
      c.key,
      c.count > 0 && c.count < MIN_RESPONDENTS
        ? { shown: false, reason: 'suppressed' }
        : { shown: true, value: c.count, basis: c.count },
    );
  for (;;) {
    const shown = counts.filter((c) => out.get(c.key)!.shown);
    const hidden = counts.filter((c) => !out.get(c.key)!.shown);
    const leak = workedOut(shown, hidden);
    if (!leak) return out;
    // The smallest set to give: a summary figure first, then the smallest non-zero band on the path.
    const candidates = shown.filter((c) => leak.includes(c.key) && !(c.from === 0 && c.to === null));
    const summary = candidates.find((c) => c.summary);
    const band = candidates.filter((c) => c.count > 0).sort((a, b) => a.count - b.count)[0];
    const pick = summary ?? band ?? candidates[0];
    if (!pick) {
      // Only the total connects the leak: hide it too (it is itself 1–4 only if everything is).
      const total = shown.find((c) => c.from === 0 && c.to === null);
      if (!total) return out;
      out.set(total.key, { shown: false, reason: 'complementary' });
      continue;
    }
    out.set(pick.key, { shown: false, reason: 'complementary' });
  }
}

const INF = Number.POSITIVE_INFINITY;

/**
 * What the shown counts give away, as the figures that give it (so one can be hidden); undefined when
 * nothing. Edges are connected when a chain of shown counts joins them: the count between them is then
 * the signed sum along the chain. Given away: a count of 1–4 between two connected edges; 1–4 children
 * in what is left of one such span after taking out another inside it ("10 waiting, 6 of them 4–18
 * weeks" says 4 are elsewhere); a hidden figure whose own two edges are connected.
 */
export function workedOut(shown: readonly WaitCount[], hidden: readonly WaitCount[] = []): string[] | undefined {
  const spans = knownSpans(shown);
  for (const span of spans) {
    if (span.sum > 0 && span.sum < MIN_RESPONDENTS) return span.via;
    if (hidden.some((h) => h.from === span.from && (h.to ?? INF) === span.to)) return span.via;
  }
  for (const outer of spans)
    for (const inner of spans) {
      if (inner === outer || inner.from < outer.from || inner.to > outer.to) continue;
      const rest = outer.sum - inner.sum;
      if (rest > 0 && rest < MIN_RESPONDENTS) return [...new Set([...outer.via, ...inner.via])];
    }
  return undefined;
}

type Span = { from: number; to: number; sum: number; via: string[] };

/** Every span between two connected edges, with its count and the shown figures that connect it. */
function knownSpans(shown: readonly WaitCount[]): Span[] {
  const edges = [...new Set(shown.flatMap((c) => [c.from, c.to ?? INF]))].sort((a, b) => a - b);
  const spans: Span[] = [];
  for (const start of edges) {
    const seen = new Map<number, { sum: number; via: string[] }>([[start, { sum: 0, via: [] }]]);
    const queue = [start];
    while (queue.length) {
      const at = queue.shift()!;
      const here = seen.get(at)!;
      for (const c of shown) {
        const to = c.to ?? INF;
        const step =
          c.from === at
            ? { next: to, sum: here.sum + c.count }
            : to === at
              ? { next: c.from, sum: here.sum - c.count }
              : undefined;
        if (!step || seen.has(step.next)) continue;
        seen.set(step.next, { sum: step.sum, via: [...here.via, c.key] });
        queue.push(step.next);
      }
    }
    for (const [edge, { sum, via }] of seen) if (edge > start) spans.push({ from: start, to: edge, sum, via });
  }
  return spans;
}
