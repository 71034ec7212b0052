/**
 * Word lists that are not vocabulary: they tell the matcher which tokens are real English words
 * (so never typos of something else) and which carry no meaning of their own.
 */

/**
 * Correctly spelled everyday words. A token in this list is taken as written and never fuzzy-matched,
 * because "want" is not a typo of "wait", nor "same" of "safe", nor "core" of "score".
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'a about after again against all also am an and any are around as ask at away back be been before being below best better between both but by ' +
    'came can case come could data date day did do does doing done down each else even ever every few find first for from gave get give go goes going gone good got ' +
    'had has have having he held her here him his how if in into is it its just keep kind know late later least less let like list long look lot ' +
    'made make many may me might more most much must my near need new next no not now of off often on once one only or other our out over own ' +
    'part past please put quite rather real really right said same save saw say says see seen she should show since so some soon still store stores such sure ' +
    'take team teams tell than thank thanks that the their them then there these they thing things think this those though through time times to today too ' +
    'took try under until up upon us use used very want wants was way we week weeks well went were what when where which while who whom whose why will with ' +
    'within without word words work would write writing year years yes yet you your core more sale same sake ways date rare gate late hate mate fate ' +
    'string sprint spending pending trying shared share table stable able cable coming going getting having ' +
    // Words one letter from a cue that mean something else: "paying" is not "saying", "withdrawn consent" is not
    // "withdraw" (take off the public page).
    'pay paying paid playing staying praying withdrawn withdrew drawn'
  ).split(' '),
);

/**
 * Function words and politeness. Used to decide whether anything meaningful was left unexplained
 * (a bare "hi, could you help please?" is a request for help) and to find where an unknown service
 * name starts and ends in "how long is the wait for the dentist?".
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about an and any anyone anything are as at be been being bot but by can could current currently did do does for from get getting give go going got ' +
    'had has have hello hey hi how i if in is it just kind kindly know let like list lists long many me mine my need needs now of on our ours please possible ' +
    'quick quickly question right see seen show so some someone tell thank thanks that the their them there these they this those time times to today ' +
    'us want was we what when where which who will with would you your please cheers team average median typical longest mean usual usually ' +
    'morning afternoon evening good great ok okay hiya dear many much number numbers people person like anybody everyone all whole'
  ).split(' '),
);

/** Words that introduce the thing waited for: "wait FOR the dentist", "waiting ON physio". */
export const WAIT_OBJECT_PREPOSITIONS: ReadonlySet<string> = new Set(['for', 'on', 'at', 'with', 'to', 'from', 'in']);

/** Determiners skipped between a preposition and the name after it. */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'my',
  'our',
  'their',
  'your',
  'his',
  'her',
  'this',
  'that',
  'any',
  'some',
]);
