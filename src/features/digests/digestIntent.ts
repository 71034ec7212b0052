import type { CapabilityIntent } from '../../routing/route.js';
import { tagged } from '../../understanding/analysis.js';
import { askBackWith } from '../../understanding/clarify.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entries, intent, type Entry } from '../../understanding/lexicon.js';
import type { DigestService } from './digestService.js';
import { CONFIRM_SEND, digestRoute, type DigestAction } from './digestRoute.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "preview the digest", "subscribe me to the digest", "send the digest now". */
    digest: { action: DigestAction };
  }
}

type Deps = { digests: DigestService };
type Signal = DigestAction | 'recurring' | 'send' | 'wanted';
const signal = (id: Signal) => ({ kind: 'topic', intent: 'digest', id }) as const;

const VOCABULARY: Entry[] = [
  ...entries(
    'digest | termly digest | termly report | termly summary | board report | newsletter | digest email',
    intent('digest', 4),
    { kind: 'domain' },
  ),
  ...entries(
    'unsubscribe | opt out | stop sending | remove me | take me off',
    signal('unsubscribe'),
    intent('digest', 2),
  ),
  ...entries('do not send | no longer | turn off | stop', signal('unsubscribe')),
  // "I want the digest" could mean now or every term: the builder asks.
  ...entries('want | would like | receive | get | like to have | can I have', signal('wanted')),
  ...entries(
    'subscribe | sign me up | sign up | opt in | add me | turn on | put me on',
    signal('subscribe'),
    intent('digest', 2),
  ),
  ...entries(
    'every term | each term | automatically | regularly | end of term | end of each term | end of every term',
    signal('recurring'),
  ),
  ...entries('preview | show | view | see | look at | latest', signal('preview')),
  ...entries('send | send out | email | trigger | issue | run | push', signal('send')),
  // Without this, "subscribers" is read as a typo of "subscribe".
  ...entries('subscribers | subscriber | all subscribers', { kind: 'domain' }),
];

/** A message opening with these asks about a send; it is not a request to send. */
const QUESTION_OPENERS = new Set('did has have was were any is are why how who which when'.split(' '));

const COMMAND: Record<DigestAction, string> = {
  subscribe: 'subscribe to the digest',
  unsubscribe: 'unsubscribe from the digest',
  preview: 'preview the digest',
  sendNow: 'send the digest now',
  confirmSendNow: CONFIRM_SEND,
};

export const digestIntent = {
  reader: intentReader({
    intent: 'digest',
    before: 'responseRate',
    vocabulary: VOCABULARY,
    /**
     * Stopping beats starting, starting beats sending: "don't send me the digest" unsubscribes, "send me
     * the digest every term" subscribes, "send the digest now" sends it to every subscriber, and "send
     * me the digest" or a bare "digest" shows it to the person asking.
     */
    build: ({ analysis: a }) => {
      const said = tagged(a, 'topic').filter((t) => t.tag.intent === 'digest');
      const signals = new Set(said.map((d) => d.tag.id));
      const toMe = said
        .filter((d) => d.tag.id === 'send')
        .some((d) => a.tokens.slice(d.match.end, d.match.end + 3).includes('me'));
      if (signals.has('unsubscribe')) return { intent: 'digest', action: 'unsubscribe' };
      if (signals.has('subscribe') || signals.has('recurring')) return { intent: 'digest', action: 'subscribe' };
      // Sending to every subscriber is done at once: only a request says so, never a question about a send
      // ("did the digest send?", "has it been sent", "any of the digest messages fail to send?").
      const asking = QUESTION_OPENERS.has(a.tokens[0] ?? '');
      if (signals.has('send') && !toMe && asking)
        return askBackWith(
          'Do you mean how the last digest was delivered, or shall I send it to every subscriber now?',
          [{ intent: 'deliveryReport' }, { intent: 'digest', action: 'sendNow' }] as const,
          (u) => (u.intent === 'deliveryReport' ? 'digest delivery report' : COMMAND.sendNow),
        );
      if (signals.has('send') && !toMe) return { intent: 'digest', action: 'sendNow' };
      if (signals.has('wanted') && !signals.has('preview') && !signals.has('send'))
        return askBackWith(
          "Would you like to see this term's digest now, or get it every term?",
          [
            { intent: 'digest', action: 'preview' },
            { intent: 'digest', action: 'subscribe' },
          ],
          (u) => COMMAND[u.action],
        );
      return { intent: 'digest', action: 'preview' };
    },
    command: (u) => COMMAND[u.action],
  }),
  route: (d: Deps) => digestRoute(d.digests),
} satisfies CapabilityIntent<'digest', Deps>;
