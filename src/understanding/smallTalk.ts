import type { SmallTalk } from './types.js';

const THANKS = new Set(
  'thanks thank thankyou thx ty cheers ta appreciated appreciate brilliant great lovely perfect super ace helpful fab fantastic excellent wonderful useful handy amazing awesome sorted'.split(
    ' ',
  ),
);
const BYE = new Set('bye goodbye byebye cya later night goodnight'.split(' '));
const ACK = new Set(
  'ok okay k kk fine sure cool noted understood alright right gotcha yep yes yeah no worries np good nice'.split(' '),
);
/** Words that may stand beside them without making a question: "thanks very much", "ok got it", "see you". */
const FILLER = new Set(
  "you very much so a lot that that's thats is was it got see for the help your all many again ever really just oh ah".split(
    ' ',
  ),
);

/**
 * A message that is only thanks, an acknowledgement or a goodbye ("thanks!", "ok great", "cheers, bye").
 * Anything else in it — a question word, a subject — and it is not small talk.
 */
export function readSmallTalk(tokens: readonly string[]): SmallTalk | undefined {
  const words = tokens.filter((t) => /[a-z]/.test(t));
  if (words.length === 0 || words.length > 6) return undefined;
  if (!words.every((w) => THANKS.has(w) || BYE.has(w) || ACK.has(w) || FILLER.has(w))) return undefined;
  if (words.some((w) => THANKS.has(w))) return 'thanks';
  if (words.some((w) => BYE.has(w))) return 'bye';
  if (words.some((w) => ACK.has(w))) return 'ack';
  return undefined;
}
