/**
 * A review reference is surveyed once a year: the annual review of the same child comes round again. When
 * a new academic year's invitation is made for a respondent who answered in an earlier year, their answers
 * move to an archived record under `<review ref>@<academic year>` (never typed by anyone, never a valid
 * reference), so this year's survey starts empty and last year's answers stay beside it for the review
 * meeting. Archived records are ordinary respondents to the aggregates: their answers keep counting in
 * their own terms, and erasure of the review removes them too.
 */
export const ARCHIVE_MARK = '@';

export function archivedRef(reviewRef: string, academicYear: string): string {
  return `${reviewRef}${ARCHIVE_MARK}${academicYear}`;
}

/** "2025-26-autumn" → "2025-26". */
export function academicYearOfTerm(termId: string): string {
  return termId.slice(0, 7);
}

/** The academic year an archived reference holds, or undefined for a live one. */
export function yearOfArchived(ref: string): string | undefined {
  const at = ref.indexOf(ARCHIVE_MARK);
  return at < 0 ? undefined : ref.slice(at + 1);
}
