import { entries, type Entry, type OutcomeLevel } from './lexicon.js';
import { OUTCOMES, type OutcomeId } from './types.js';

/**
 * How people refer to the six outcomes, from the framework's outcome statements and the survey's
 * questions (seed 004). "name" phrases name the outcome as a whole; "aspect" phrases point at some of
 * its questions (so the answer shows them per question); "weak" phrases count only when nothing
 * stronger was said ("help" is usually a request for help, not the Support outcome).
 */
const OUTCOME_PHRASES: Record<OutcomeId, Partial<Record<OutcomeLevel, string>>> = {
  voice: {
    name: 'voice | views | wishes | views and wishes | have a say | have their say | having a say | having their say | my say | express views | expressing views | empowered',
    aspect:
      'listened to | listen | listening | being heard | heard | involved in decisions | involved in decision | included in decisions | ' +
      'decisions | making decisions | decision making | considered | co production | coproduction | co producing | co produced | co produce | communicate views',
  },
  progress: {
    name: 'progress | making progress | achievement | achievements | aspiration | aspirations | quality of life | achieving',
    aspect: 'clubs | clubs and activities | activities | potential | reaching potential | celebrated',
    weak: 'learning | achieve | education',
  },
  health: {
    name: 'health | healthy | happy | happiness | wellbeing | well being | living well | mental health | emotional wellbeing | healthy and happy',
    aspect: 'worries | information about health | health information',
  },
  support: {
    name: 'support | supported | timely support | appropriate support | right support | support network | network of support | at the right time | right time',
    aspect:
      'processes | process | timescales | processes and timescales | take part and succeed | adult I trust | adult they trust',
    weak: 'get help | getting help | help they need | help I need | help we need | the help | right help | access to help | helped | on help | help for',
  },
  safe: {
    name: 'safe | kept safe | keeping safe | safety | feel safe | feeling safe | feels safe | safeguarding | staying safe',
    aspect:
      'online safety | safe online | online | local area | local community | out and about | trusted adults | trusted adult | bullying | bullied',
  },
  future: {
    name:
      'future | the future | preparing for adulthood | preparation for adulthood | prepared for adulthood | PfA | adulthood | well prepared | ' +
      'independence | next steps | adult life | adulthood ready | ready for adult life | ready for adulthood | getting ready for adult | grown up life',
    aspect:
      'life skills | transition | transitions | independent | independently | independent living | travel | travel training | independent travel | ' +
      'choices | when older | employment | jobs | job | college | supported internships',
  },
};

const LEVELS: readonly OutcomeLevel[] = ['name', 'aspect', 'weak'];

export const OUTCOME_ENTRIES: Entry[] = OUTCOMES.flatMap((outcome) =>
  LEVELS.flatMap((level) => {
    const phrases = OUTCOME_PHRASES[outcome][level];
    return phrases ? entries(phrases, { kind: 'outcome', outcome, level }) : [];
  }),
);

/** How an outcome is called back to the user, e.g. in a clarifying question. */
export const OUTCOME_LABEL: Record<OutcomeId, string> = {
  voice: 'voice',
  progress: 'progress',
  health: 'health',
  support: 'support',
  safe: 'kept safe',
  future: 'future',
};
