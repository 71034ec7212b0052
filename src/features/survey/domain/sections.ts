import type { OutcomeId, QuestionBank, RespondentRole } from '../../../domain/survey/questionBank.js';

/** The survey is one section per outcome, in the framework's order, then the free-text section. */
export type SectionId = OutcomeId | 'text';
export const TEXT_SECTION = 'text' as const;

export function sectionOrder(bank: QuestionBank): SectionId[] {
  return [...bank.outcomes.map((o) => o.id), TEXT_SECTION];
}

export function isSectionId(bank: QuestionBank, value: string): value is SectionId {
  return sectionOrder(bank).includes(value as SectionId);
}

/** Question ids asked of one role in one section, in order. */
export function sectionQuestionIds(bank: QuestionBank, section: SectionId, role: RespondentRole): string[] {
  if (section === TEXT_SECTION) return bank.promptsFor(role).map((p) => p.id);
  return bank.questionsFor(section, role).map((q) => q.id);
}

/** The first section not yet saved, or undefined when every section is saved (the survey is complete). */
export function firstUnansweredSection(bank: QuestionBank, saved: ReadonlySet<string>): SectionId | undefined {
  return sectionOrder(bank).find((s) => !saved.has(s));
}

export function sectionNumber(bank: QuestionBank, section: SectionId): { index: number; total: number } {
  const order = sectionOrder(bank);
  return { index: order.indexOf(section) + 1, total: order.length };
}
