import { createHash } from 'node:crypto';
import type { ThemeList } from '../../themes/domain/themeList.js';
import type { RespondentRole } from '../../../domain/survey/questionBank.js';

/**
 * What is held for one respondent (one review × one role): the term they were first invited in, and for
 * each saved section its term and a compact copy of the answers (scores, skips, a hash for free text).
 * The answers themselves are separate rows; this copy lets a save compute what changed from one read.
 */
export type SavedSection = {
  term: string;
  savedAt: string;
  /**
   * questionId -> score 1..5, 0 for "prefer not to say", UNCLEAR (-1) for "I don't understand this question",
   * or a short hash of free text.
   */
  values: Record<string, number | string>;
  /** A fingerprint of the chat that saved it: only that chat may change it (imports leave it unset). */
  savedBy?: string;
};

/**
 * Faces a child tapped in a section not yet saved: each tap is a complete answer to one question, so it is
 * kept the moment it is made (a closed page, a typed message or a switch to numbers loses nothing). It is
 * not an answer row and counts in no figure: the section is saved, all at once, only when its last
 * question is answered or its card is saved.
 */
export type PartialSection = {
  /** questionId -> score 1..5, 0 for "prefer not to say", or UNCLEAR (-1) for "I don't understand". */
  values: Record<string, number>;
  /** When the last of them was tapped. */
  at: string;
};

export type RespondentState = {
  reviewRef: string;
  role: RespondentRole;
  invitedTerm: string;
  sections: Record<string, SavedSection>;
  completedAt?: string;
  /** How a child chose to answer: faces (the default) or the 1–5 numbered scale; kept for the survey. */
  scale?: 'faces' | 'numbers';
  /** Sections begun but not yet saved, by section id. */
  partial?: Record<string, PartialSection>;
  /** The family chose easy read: every card of this survey uses the bank's easy-read words (on any device). */
  easyRead?: boolean;
  /** A child's survey: who answered it, as said on its first card (absent when not said). */
  whoAnswered?: WhoAnswered;
};

/**
 * Who answered a child's survey: the child alone, the child with help, or someone for the child. Asked once,
 * on the first card; never asked of a parent carer (their survey is their own view, whoever reads it to them).
 */
export const WHO_ANSWERED = ['alone', 'withHelp', 'forThem'] as const;
export type WhoAnswered = (typeof WHO_ANSWERED)[number];
export function isWhoAnswered(value: unknown): value is WhoAnswered {
  return typeof value === 'string' && (WHO_ANSWERED as readonly string[]).includes(value);
}

/**
 * "I don't understand this question", as kept in a section's compact values: below every score and below
 * "prefer not to say" (0), so no reader that adds up 1..5 can count it, and distinct from a skip.
 */
export const UNCLEAR = -1;

export function respondentKey(reviewRef: string, role: RespondentRole): string {
  return `${reviewRef}~${role}`;
}

export function savedSectionIds(state: RespondentState | undefined): Set<string> {
  return new Set(Object.keys(state?.sections ?? {}));
}

/** Free text is kept in the compact copy only as a short hash: enough to tell whether it changed. */
export function textFingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * The compact value stored for one answer: score, 0 for skipped, or a fingerprint of free text followed by
 * the themes it touches ("3f2a…#waiting+school"), so the theme counts move by exactly what a save changed.
 * Every writer (survey, import, rebuild) must pass the same theme list, or their counts would disagree.
 */
export function compactValue(
  answer: { score?: number; skipped: boolean; text?: string; unclear?: boolean },
  themeList: Pick<ThemeList, 'themesOf'>,
): number | string {
  if (answer.text !== undefined) {
    const themes = themeList.themesOf(answer.text);
    return themes.length ? `${textFingerprint(answer.text)}#${themes.join('+')}` : textFingerprint(answer.text);
  }
  if (answer.unclear) return UNCLEAR;
  return answer.skipped ? 0 : answer.score!;
}

/** The themes in a compact free-text value (none for a score, a skip, or a value saved before themes). */
export function themesInCompact(value: number | string): string[] {
  if (typeof value !== 'string') return [];
  const at = value.indexOf('#');
  return at < 0
    ? []
    : value
        .slice(at + 1)
        .split('+')
        .filter(Boolean);
}

/** A short one-way fingerprint of a conversation id: enough to recognise the chat, nothing to reach it by. */
export function chatFingerprint(conversationId: string): string {
  return createHash('sha256').update(`chat:${conversationId}`).digest('hex').slice(0, 16);
}

/**
 * Who may change a saved section: nobody once the survey is complete, and while it is in progress only
 * the chat that saved it (so a second device holding the code cannot overwrite it).
 */
export function mayChangeSection(
  state: RespondentState,
  section: string,
  chat: string,
): 'yes' | 'completed' | 'otherChat' {
  if (state.completedAt) return 'completed';
  const saved = state.sections[section];
  return !saved || saved.savedBy === chat ? 'yes' : 'otherChat';
}

/** Same answers in the same term: a double click, a re-sent turn or a re-imported file; nothing to write. */
export function sameSection(before: SavedSection | undefined, after: SavedSection): boolean {
  if (!before || before.term !== after.term) return false;
  const keys = new Set([...Object.keys(before.values), ...Object.keys(after.values)]);
  return [...keys].every((k) => before.values[k] === after.values[k]);
}

/** The answers kept for a section not yet saved (none once it is saved). */
export function partialValues(state: RespondentState, section: string): Record<string, number> {
  return state.sections[section] ? {} : { ...(state.partial?.[section]?.values ?? {}) };
}

/** The state with a section's kept answers replaced (or removed, given none). */
export function withPartial(
  state: RespondentState,
  section: string,
  values: Record<string, number>,
  at: string,
): RespondentState {
  const others = Object.fromEntries(Object.entries(state.partial ?? {}).filter(([s]) => s !== section));
  const partial = Object.keys(values).length > 0 ? { ...others, [section]: { values, at } } : others;
  const rest = Object.fromEntries(Object.entries(state).filter(([k]) => k !== 'partial')) as RespondentState;
  return Object.keys(partial).length > 0 ? { ...rest, partial } : rest;
}

/** Whether anything has been answered yet: a saved section, or a face tapped. */
export function hasBegun(state: RespondentState): boolean {
  return Object.keys(state.sections).length > 0 || Object.keys(state.partial ?? {}).length > 0;
}
