import type { CapabilityIntent } from '../../routing/route.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entries, exactEntries, intent, type Entry } from '../../understanding/lexicon.js';
import type { DigestService } from './digestService.js';
import { deliveryReportRoute } from './deliveryReportRoute.js';

type Deps = { digests: DigestService };

/**
 * How staff ask whether the last digest reached its subscribers: "did the digest go out", "did everyone get
 * the digest", "was the digest delivered". Each phrase takes in the word "digest" itself, so it is not also
 * read as a request to see the digest; "can I get the digest" (no one else named) stays the digest's.
 */
const VOCABULARY: Entry[] = entries(
  'digest go out | digest gone out | digest went out | digest goes out | digest get sent | digest been sent | digest was sent | ' +
    'digest delivered | digest been delivered | digest reach | digest reached | digest arrive | digest arrived | digest land | digest landed | ' +
    'digest delivery | digest deliveries | digest failures | digest bounced | ' +
    'everyone get the digest | everybody get the digest | everyone got the digest | everybody got the digest | all get the digest | ' +
    'anyone not get the digest | everyone get the last digest | everyone got the last digest | who got the last digest | ' +
    'who received the last digest | last digest go out | last digest reach | who got the digest | who received the digest | who has received the digest | who has had the digest | ' +
    'subscribers get the digest | subscribers got the digest | subscribers receive the digest | subscribers received the digest | ' +
    'delivery report | delivery status | delivery failures | delivery receipts',
  intent('deliveryReport', 5),
).concat(
  // Delivered, in everyday words, said of the digest a few words away ("did last term's digest actually land in
  // everyone's inbox"): with "digest" (a hint to several intents) it outweighs a preview.
  // Each a hint, typed as it is ("aand" is no "land"): together, or beside "digest", they say delivered.
  exactEntries(
    'land | landed | inbox | inboxes | arrive | arrived | get through | got through | reach | reached | delivered | bounce | bounced',
    intent('deliveryReport', 1.5),
  ),
  entries(
    'land in | landed in | arrive in | arrived in | in everyone inbox | everyone inbox | reach everyone | reached everyone | get to everyone | got to everyone',
    intent('deliveryReport', 3),
  ),
  // Reaching the people it is for ("did last term's digest actually land with the board members"): delivered.
  entries(
    'land with | landed with | arrive with | arrived with | reach the board | reached the board | get to the board | got to the board',
    intent('deliveryReport', 5),
  ),
  // Sends that failed: a question about the last send, never a request to send again.
  entries(
    'digest already sent | digest already gone | digest been sent already | already sent the digest | digest sent out | ' +
      'digest fail | digest failed | fail to send | failed to send | fail to go | failed to go | fail to go out | failed to go out | not sent | not delivered | did not arrive | did not go out | did not get it',
    intent('deliveryReport', 5),
  ),
  exactEntries('fail | failed | failing | failure | failures', intent('deliveryReport', 1.5)),
);

export const deliveryReportIntent = {
  reader: intentReader({
    intent: 'deliveryReport',
    before: 'responseRate',
    vocabulary: VOCABULARY,
    build: () => ({ intent: 'deliveryReport' }),
    command: () => 'digest delivery report',
  }),
  route: (d: Deps) => deliveryReportRoute(d.digests),
} satisfies CapabilityIntent<'deliveryReport', Deps>;
