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
      'exceptions | exception report | exceptions report | exceptions commentary | commentary on exceptions | write commentary | need commentary | needs commentary | add commentary | add a comment on what | ' +
        // A manager's word on a measure that is off track, in staff's own words.
        'need a comment | needs a comment | need comments | need a manager comment | manager comment | manager comments | manager commentary | commentary | ' +
        'need an explanation | needs an explanation | what is being done about | accountable manager',
      intent('exceptions', 6),
    ),
    build: () => ({ intent: 'exceptions' }),
    command: () => 'exceptions',
  }),
  route: (d: ExceptionDeps) => exceptionsRoute(d),
} satisfies CapabilityIntent<'exceptions', ExceptionDeps>;
