import type { QuestionBank } from '../../domain/survey/questionBank.js';
import type { CapabilityIntent } from '../../routing/route.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entries, intent } from '../../understanding/lexicon.js';
import type { YouSaidService } from './youSaidService.js';
import { youSaidRoute } from './youSaidRoutes.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "you said, we did": the entries, to add, change or remove (managers). */
    youSaidWeDid: object;
  }
}

type Deps = { youSaid: YouSaidService; bank: QuestionBank; assetBaseUrl: string };

export const youSaidIntent = {
  reader: intentReader({
    intent: 'youSaidWeDid',
    before: 'responseRate',
    vocabulary: entries(
      'you said we did | you said, we did | you said | we did | ysdw | what we changed | changes we made | ' +
        // What was done about what families said, in staff's own words.
        'what have we changed | what has changed because | changed because of | because of feedback | in response to feedback | acted on feedback | acting on feedback | ' +
        'changes from feedback | changes made from | what we did about | what have we done about | what did we do about the feedback',
      intent('youSaidWeDid', 6),
    ),
    build: () => ({ intent: 'youSaidWeDid' }),
    command: () => 'you said, we did',
  }),
  route: (d: Deps) => youSaidRoute({ youSaid: d.youSaid, bank: d.bank, publicBaseUrl: d.assetBaseUrl }),
} satisfies CapabilityIntent<'youSaidWeDid', Deps>;
