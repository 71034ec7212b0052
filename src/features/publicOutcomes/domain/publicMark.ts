/**
 * Whether a figure may be published on the public /outcomes page: a framework measure (`measure:<id>`) or
 * an outcome's survey scores (`outcome:<id>`). Nothing is public until a manager marks it so; every change
 * is kept (who and when), and the newest for a subject decides.
 */
export type PublicSubject = `measure:${string}` | `outcome:${string}`;
export type PublicMark = { subject: PublicSubject; isPublic: boolean; by: string; at: string };

/** The subjects public now: each subject's newest mark, kept when it says public. */
export function publicNow(marks: readonly PublicMark[]): Set<PublicSubject> {
  const newest = new Map<PublicSubject, PublicMark>();
  for (const m of marks) {
    const held = newest.get(m.subject);
    if (!held || held.at < m.at) newest.set(m.subject, m);
  }
  return new Set([...newest.values()].filter((m) => m.isPublic).map((m) => m.subject));
}
