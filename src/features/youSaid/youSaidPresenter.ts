import type { YouSaidFormCard, YouSaidListCard } from './youSaidCardModels.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import { UNNAMED_STAFF } from '../../domain/text/displayNames.js';
import { chatLiteral } from '../../domain/text/safeText.js';
import type { YouSaidEntry } from './domain/youSaidEntry.js';
import { longDate } from '../../cards/format.js';

/** One entry as the cards show it (end card, digest, list): the words escaped, the outcome by its name. */
export function youSaidLine(e: YouSaidEntry, outcomeName: string): { outcome: string; youSaid: string; weDid: string } {
  return { outcome: outcomeName, youSaid: chatLiteral(e.youSaid), weDid: chatLiteral(e.weDid) };
}

/** `nameOf`: a member of staff's name for their id (never the id itself: UNNAMED_STAFF when not known). */
export function youSaidListCard(
  bank: QuestionBank,
  entries: YouSaidEntry[],
  publicUrl: string,
  nameOf: (userId: string) => string = () => UNNAMED_STAFF,
): YouSaidListCard {
  return {
    intro: entries.length
      ? `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, newest first. Families see those for the outcomes they have just answered; everyone sees them all on the public page and in the termly digest.`
      : 'No entries yet. Add what families told you and what changed because of it.',
    entries: entries.map((e) => ({
      id: e.id,
      ...youSaidLine(e, bank.outcome(e.outcome).shortName),
      history:
        `Added by ${nameOf(e.createdBy)} on ${longDate(e.createdAt.slice(0, 10))}` +
        (e.updatedAt
          ? `; changed by ${e.updatedBy ? nameOf(e.updatedBy) : UNNAMED_STAFF} on ${longDate(e.updatedAt.slice(0, 10))}`
          : '') +
        '.',
    })),
    publicPage: `The public page (no names, nothing about any one family): ${publicUrl}`,
  };
}

export function youSaidFormCard(
  bank: QuestionBank,
  entry?:
    | Pick<YouSaidEntry, 'id' | 'outcome' | 'youSaid' | 'weDid'>
    | { outcome: string; youSaid: string; weDid: string; id?: string },
  notice = '',
): YouSaidFormCard {
  return {
    title: entry?.id ? 'Change a "you said, we did" entry' : 'Add a "you said, we did" entry',
    id: entry?.id ?? '',
    outcome: entry?.outcome ?? '',
    youSaid: entry?.youSaid ?? '',
    weDid: entry?.weDid ?? '',
    notice,
    outcomes: bank.outcomes.map((o) => ({ title: `${o.shortName}: ${o.plainWords}`, value: o.id })),
  };
}
