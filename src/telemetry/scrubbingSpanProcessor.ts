import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import { scrubAttributes, scrubText } from './scrub.js';

type SpanProcessor = NonNullable<AzureMonitorOpenTelemetryOptions['spanProcessors']>[number];
type EndedSpan = Parameters<SpanProcessor['onEnd']>[0];

/**
 * Runs on every ended span before the exporter's batch reads it (the distro places our processors
 * ahead of its BatchSpanProcessor), rewriting the span in place: an ended span ignores setAttribute,
 * and the distro's own processor edits `attributes` the same way.
 */
export const scrubbingSpanProcessor: SpanProcessor = {
  onStart: () => undefined,
  onEnd: (span) => scrubSpan(span),
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

export function scrubSpan(span: EndedSpan): void {
  const writable = span as { name: string; status: { message?: string } };
  writable.name = scrubText(span.name);
  if (span.status.message) writable.status.message = scrubText(span.status.message);
  scrubAttributes(span.attributes as Record<string, unknown>);
  // Exceptions travel as span events: their message and stack are scrubbed like any other text.
  for (const event of span.events) if (event.attributes) scrubAttributes(event.attributes as Record<string, unknown>);
}
