/**
 * What a family types while a survey card is waiting, read so they get a short answer and keep their place.
 * Plain words only: a family mid-survey asks how to stop, what a word means, where they are up to, or for
 * help. Anything else gets the help, which includes where to get help now.
 */
export type SurveyChat =
  | { kind: 'stop' }
  | { kind: 'meaning'; word: string; meaning?: string }
  | { kind: 'carryOn' }
  | { kind: 'thanks' }
  | { kind: 'greeting' }
  | { kind: 'help' };

/** Words in the survey a family may ask about, and what each means in plain words. */
const GLOSSARY: [RegExp, string, string][] = [
  [
    /^(an? )?(ehcp|ehc plan|education,? health and care plan)s?$/,
    'EHCP',
    'Education, Health and Care plan: the document that says what help a child or young person with special educational needs gets. It is looked at again every year at the annual review',
  ],
  [
    /^(an? )?(ehcna|ehc needs assessment|needs assessment)$/,
    'EHC needs assessment',
    'the assessment that decides whether a child needs an Education, Health and Care plan',
  ],
  [/^(the )?send$/, 'SEND', 'special educational needs and disabilities'],
  [
    /^(an? |the )?(annual review|review)$/,
    'annual review',
    'the yearly meeting to look at how the plan is going and what should change',
  ],
  [
    /^(an? |the )?(practitioner|caseworker|case worker|sen officer|coordinator)$/,
    'practitioner',
    'the person from the council, school or health service who asked you to do this survey',
  ],
  [
    /^(an? |the )?outcomes?$/,
    'outcome',
    'what the help is for: a good thing in a child’s life that everyone is working towards',
  ],
  [/^(an? |the )?aspirations?$/, 'aspiration', 'a hope or a goal for the future'],
  [
    /^co-?(producing|production|produce)$/,
    'co-producing',
    'making or deciding something together, with families having a real say',
  ],
  [
    /^(an? |the )?(parent carer|carer)$/,
    'parent carer',
    'a parent, or someone who looks after a child as a parent does',
  ],
  [
    /^sen support$/,
    'SEN Support',
    'help at school for a child with special educational needs who does not have an EHC plan',
  ],
  [
    /^prefer not to say$/,
    'prefer not to say',
    'you would rather not answer that question. That is fine: it is not counted as a low or a middle answer',
  ],
  [
    /^(strongly )?(agree|disagree)$/,
    'agree or disagree',
    'agree means "yes, that is true for me"; disagree means "no, that is not true for me". Strongly means very much',
  ],
  [/^neither agree nor disagree$/, 'neither agree nor disagree', 'in the middle: not really yes and not really no'],
  [/^(an? |the )?(survey|questionnaire)$/, 'survey', 'a set of questions asking what you think'],
];

const MEANING = [
  /^what(?:'s| is| are| does| do)\s+(?:the words?\s+)?["'“‘]?(.+?)["'”’]?(?:\s+(?:mean|means|stand for|stands for))?\s*\??$/,
  /^(?:meaning of|define|what do you mean by|explain)\s+["'“‘]?(.+?)["'”’]?\s*\??$/,
];
/** "what is this for", "what is next": not a word to look up. */
const NOT_A_WORD = /^(this|that|it|this for|that for|it for|next|happening|going on|the point)$/;

const STOP =
  /\b(stop|quit|bye|goodbye|pause|exit|leave|later|come back|break|tired|bored|give up|don'?t want to (do|carry|continue|answer))\b/;
const CARRY_ON =
  /^(carry on|continue|resume|next|go on|where was i|where am i|show (me )?(the )?(card|question)|ready)\b/;
const THANKS = /^(thanks|thank you|thankyou|ta|cheers|ok|okay|cool|great|fine|alright|all right|got it)\b/;
const GREETING = /^(hello|hi|hiya|hey|good (morning|afternoon|evening))\b/;

export function readSurveyChat(text: string): SurveyChat {
  const t = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '');
  for (const pattern of MEANING) {
    const m = pattern.exec(t);
    if (m && !NOT_A_WORD.test(m[1].trim())) return lookUp(m[1].trim());
  }
  if (STOP.test(t)) return { kind: 'stop' };
  if (CARRY_ON.test(t)) return { kind: 'carryOn' };
  if (GREETING.test(t)) return { kind: 'greeting' };
  if (THANKS.test(t)) return { kind: 'thanks' };
  const bare = t.replace(/\?$/, '').trim();
  if (GLOSSARY.some(([re]) => re.test(bare))) return lookUp(bare);
  return { kind: 'help' };
}

function lookUp(word: string): SurveyChat {
  const entry = GLOSSARY.find(([re]) => re.test(word));
  if (entry) return { kind: 'meaning', word: entry[1], meaning: entry[2] };
  // Echoed in the chat: plain letters only, so nothing typed can become a link or formatting.
  const plain = word
    .replace(/[^a-z0-9' -]/g, '')
    .trim()
    .slice(0, 30);
  return { kind: 'meaning', word: plain || 'that' };
}
