/**
 * Turns a chat message into lower-case word tokens. Everything downstream works on tokens, so the
 * quirks of Teams text (mention markup, HTML entities, curly quotes) are dealt with once, here.
 */

/** Longer messages are not questions a colleague would type; capping keeps every call fast. */
export const MAX_INPUT_CHARS = 500;

export type NormalisedText = {
  tokens: string[];
  /** Nothing but punctuation or white space was left ("?", "", a bare @mention). */
  blank: boolean;
};

// Teams puts "<at>Bot name</at>" in channel messages; the bot's name is not part of the question.
const MENTION = /<at\b[^>]*>[\s\S]*?<\/at>/gi;
// Where the markup is lost ("@Outcomes Bot what's the wait?"), an @name of up to three words ending in
// "bot", or a single @word, is dropped too: "Outcomes" in the bot's name is not a question about outcomes.
const PLAIN_MENTION = /@[\w-]+(?:\s+[\w-]+){0,2}?\s+bot\b|@[\w-]+/gi;
const TAG = /<[^>]{0,200}>/g;
const ENTITIES = new Map<string, string>(
  Object.entries({ '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" }),
);
const ENTITY = /&(?:nbsp|amp|lt|gt|quot|apos|#39);/g;

// Contractions are expanded so that "couldn't answer" and "could not answer" are one phrase.
// A Map, not an object: a typed word such as "constructor" must never find Object.prototype's members.
const WHOLE_CONTRACTIONS = new Map<string, string>(
  Object.entries({
    "can't": 'can not',
    cannot: 'can not',
    "won't": 'will not',
    "shan't": 'shall not',
    "what's": 'what is',
    "how's": 'how is',
    "who's": 'who is',
    "where's": 'where is',
    "when's": 'when is',
    "that's": 'that is',
    "there's": 'there is',
    "it's": 'it is',
    "here's": 'here is',
    "let's": 'let us',
    // The same typed without the apostrophe, as people do in chat.
    whats: 'what is',
    hows: 'how is',
    thats: 'that is',
    theres: 'there is',
    dont: 'do not',
    doesnt: 'does not',
    didnt: 'did not',
    cant: 'can not',
    couldnt: 'could not',
    wouldnt: 'would not',
    isnt: 'is not',
    arent: 'are not',
    wasnt: 'was not',
    havent: 'have not',
    hasnt: 'has not',
    im: 'i am',
    ive: 'i have',
    youre: 'you are',
    // Chat shorthand, as busy staff type it ("how r the young ppl rating safe this yr", "SALT v national").
    r: 'are',
    u: 'you',
    ur: 'your',
    ppl: 'people',
    yr: 'year',
    yrs: 'years',
    pls: 'please',
    plz: 'please',
    atm: 'at the moment',
    n: 'and',
    b4: 'before',
    abt: 'about',
    cuz: 'because',
    coz: 'because',
    v: 'versus',
    q: 'question',
    qs: 'questions',
    wk: 'week',
    wks: 'weeks',
    rn: 'right now',
  }),
);
const SUFFIX_CONTRACTIONS: [string, string][] = [
  ["n't", ' not'],
  ["'re", ' are'],
  ["'ve", ' have'],
  ["'ll", ' will'],
  ["'m", ' am'],
  ["'d", ' would'],
  // A possessive ("children's", "parents'") names the same thing as the plain word.
  ["'s", ''],
  ["s'", 's'],
];

// Hyphens and slashes are word separators, except inside a review reference ("ar-1042") or an
// academic year ("2025-26", "25/26"), which must survive as one token.
const REVIEW_REF_TOKEN = /^[a-z]{1,8}-\d{1,12}$/;
const YEAR_TOKEN = /^\d{2,4}[-/]\d{2,4}$/;

export function normalise(input: string): NormalisedText {
  const text = input
    .slice(0, MAX_INPUT_CHARS)
    .replace(MENTION, ' ')
    .replace(PLAIN_MENTION, ' ')
    .replace(TAG, ' ')
    .replace(ENTITY, (e) => ENTITIES.get(e) ?? ' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/%/g, ' percent ')
    .replace(/\+/g, ' plus ');
  const tokens: string[] = [];
  for (const chunk of text.split(/\s+/)) {
    for (const word of expandContraction(chunk.replace(/^[^a-z0-9']+|[^a-z0-9']+$/g, '')).split(' ')) {
      pushWord(tokens, word.replace(/'/g, ''));
    }
  }
  return { tokens, blank: tokens.length === 0 };
}

function expandContraction(word: string): string {
  const whole = WHOLE_CONTRACTIONS.get(word);
  if (whole) return whole;
  for (const [suffix, replacement] of SUFFIX_CONTRACTIONS) {
    // At least one letter before the suffix: "i've", "i'm" and "i'd" too (one letter was once too few).
    if (word.length > suffix.length && word.endsWith(suffix)) return word.slice(0, -suffix.length) + replacement;
  }
  return word;
}

function pushWord(tokens: string[], word: string): void {
  const kept = word.replace(/[^a-z0-9\-/]+/g, ' ').trim();
  for (const part of kept.split(' ')) {
    if (!part) continue;
    if (REVIEW_REF_TOKEN.test(part) || YEAR_TOKEN.test(part)) {
      tokens.push(part);
      continue;
    }
    for (const piece of part.split(/[-/]+/)) if (piece) tokens.push(piece);
  }
}
