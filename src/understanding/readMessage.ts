import { readCodeFromText } from '../domain/invitations/invitationCode.js';
import type { MeasureVocab, QuestionVocab, ServiceVocab, Understanding } from './types.js';
import { understand } from './understand.js';
import type { AnyIntentReader } from './intentReader.js';

const CONFIRM_ERASE = /^\s*confirm\s+erase\s+(?:review\s+)?(\S+)\s*$/i;
/** "confirm send digest" (the digest route's CONFIRM_SEND), with or without "the" and "now". */
const CONFIRM_SEND_DIGEST = /^\s*confirm\s+send\s+(?:the\s+)?digest(?:\s+now)?\s*[.!]?\s*$/i;
const DELIVERY_REPORT =
  /^\s*(?:(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:digest\s+)?(?:delivery|send|sending)\s+(?:report|status)\b|digest\s+(?:delivery\s+)?(?:report|status)\b)/i;

/**
 * What a chat message is: first the exact forms — a family's invitation code (anyone may type one), the
 * erasure and digest-sending confirmations that must be typed word for word, and the digest delivery report — then
 * anything else as a question or command, read by `understand`.
 */
export function readMessage(
  text: string,
  services: readonly ServiceVocab[],
  measures: readonly MeasureVocab[] = [],
  readers: readonly AnyIntentReader[] = [],
  questions: readonly QuestionVocab[] = [],
): Understanding {
  const said = typeof text === 'string' ? text : '';
  const code = readCodeFromText(said);
  if (code) return { intent: 'surveyCode', code };
  const confirm = CONFIRM_ERASE.exec(said);
  if (confirm) return { intent: 'confirmErase', reviewRef: confirm[1]! };
  if (CONFIRM_SEND_DIGEST.test(said)) return { intent: 'digest', action: 'confirmSendNow' };
  if (DELIVERY_REPORT.test(said)) return { intent: 'deliveryReport' };
  return understand(said, services, measures, readers, questions);
}
