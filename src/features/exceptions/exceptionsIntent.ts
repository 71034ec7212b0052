import type { CapabilityIntent } from '../../routing/route.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entries, intent } from '../../understanding/lexicon.js';
import { exceptionsRoute, type ExceptionDeps } from './exceptionRoutes.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "exceptions": the measures red or worse than a year before, with what is being done (managers). */
    exceptions: object;
  }
}

export const exceptionsIntent = {
  reader: intentReader({
    intent: 'exceptions',
    before: 'responseRate',
    vocabulary: entries(
      'exceptions | exception report | exceptions report | exceptions commentary | commentary on exceptions | write commentary | need commentary | needs commentary | add commentary | add a comment on what',
      intent('exceptions', 6),
    ),
    build: () => ({ intent: 'exceptions' }),
    command: () => 'exceptions',
  }),
  route: (d: ExceptionDeps) => exceptionsRoute(d),
} satisfies CapabilityIntent<'exceptions', ExceptionDeps>;
