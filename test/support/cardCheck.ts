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
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    // Teams' chart elements (Chart.*) are not in the Adaptive Cards library; with a fallback they are
    // allowed: clients without charts render the fallback, which the library parses and checks here.
    if (
      event.event === AC.ValidationEvent.UnknownElementType &&
      chartsWithFallback(card).some((type) => event.message.includes(`"${type}"`))
    )
      continue;
    problems.push(`parse: ${event.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}

/** Types of the Chart.* elements in a card that carry an element as their fallback. */
function chartsWithFallback(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => chartsWithFallback(n, found));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Chart.') && o.fallback && typeof o.fallback === 'object')
      found.push(o.type);
    Object.values(o).forEach((v) => chartsWithFallback(v, found));
  }
  return found;
}
