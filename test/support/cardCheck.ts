import * as AC from 'adaptivecards';

export const MAX_CARD_BYTES = 28 * 1024;

/** Problems the official adaptivecards library reports for a card, plus our own limits (version, size, bindings). */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = JSON.stringify(card);
  if (json.includes('${')) problems.push('an unbound ${...} is left');
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_CARD_BYTES) problems.push(`card is ${bytes} bytes (limit ${MAX_CARD_BYTES})`);
  const version = (card as { version?: string }).version ?? '';
  if (!/^1\.[0-5]$/.test(version)) problems.push(`version ${version} is not 1.0–1.5 (Teams renders up to 1.5)`);
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card as object, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}
