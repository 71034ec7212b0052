import { entries, exactEntries, intent, type Entry } from './lexicon.js';

/**
 * Cue phrases for each intent, with weights: 4 names the intent outright ("response rate"),
 * 3 nearly so ("scores"), 2 is good evidence ("how long"), 1 a hint. The classifier adds them up
 * with the evidence from slots (an outcome, a service, a review reference).
 */
const SCORES: Entry[] = [
  ...entries('score | scores | scoring | outcome scores | survey results | percent positive', intent('scores', 3)),
  // The same spans as the public page's "which figures" words ("survey scores", "all outcome scores"): a span
  // matched by both keeps both tags, so asking for the survey scores is still a scores question.
  ...entries('survey scores | all outcome scores | the outcome scores', intent('scores', 3)),
  // "Ofsted rating": anyone's rating; beside an outcome it is the survey's.
  ...entries('ratings | rating', intent('scores', 1)),
  ...entries(
    'positive | outcome | outcomes | how are we doing | how we are doing | how are we getting on | how are they doing | how is it going',
    intent('scores', 2),
  ),
  // "how did we do overall?": the survey's outcome scores, the framework's headline.
  ...entries(
    'how did we do | how have we done | how did we get on | how have we got on | how are we performing | how did we perform',
    intent('scores', 2),
  ),
  // "results" alone is anyone's results ("GCSE results"): a hint that needs an outcome beside it.
  ...entries('results | result', intent('scores', 1)),
  ...entries(
    'doing | say about | think about | feel about | feedback | mean | average | answers | views on',
    intent('scores', 1),
  ),
  // A ranking is shown worst first: that is what needs attention.
  // Exact only: "test" is not "best", "rest" not "worst". Satisfaction's superlatives rank too ("which outcomes
  // are parents happiest with"): they do not name health.
  ...exactEntries(
    'lowest | worst | weakest | poorest | bottom | least positive | lowest scoring | worst scoring | rank | ranking | ranked | league table | ' +
      'unhappiest | least happy | least satisfied | most unhappy | most dissatisfied | worst rated | lowest rated',
    { kind: 'rank', rank: 'lowest' },
    intent('scores', 2),
  ),
  // What pulls a score down or holds it back, said of the questions in it ("which of the progress questions
  // is dragging the score down").
  ...entries(
    'dragging down | dragging the score down | drags down | drags the score down | pulling down | pulling the score down | pulls down | pulls the score down | ' +
      'bringing down | brings down | holding back | holds back | letting us down | lets us down | weak spot | weak spots | weakest area | problem area',
    { kind: 'rank', rank: 'lowest' },
    intent('scores', 2),
  ),
  ...exactEntries(
    'highest | best | strongest | top | most positive | highest scoring | best scoring | ' +
      'happiest | most happy | most satisfied | best rated | highest rated | most pleased',
    { kind: 'rank', rank: 'highest' },
    intent('scores', 2),
  ),
  ...entries(
    'per question | by question | each question | every question | question by question | individual questions | questions | question | breakdown | broken down | in detail | detail | detailed',
    { kind: 'perQuestion' },
  ),
];

const RESPONSE_RATE: Entry[] = [
  ...entries(
    'response rate | response rates | return rate | completion rate | how many surveys | how many responses | how many replies | ' +
      'how many invitations | how many invites | invitations answered | invitations sent | invitations returned | invites sent',
    intent('responseRate', 4),
  ),
  ...entries(
    'responses | come back | came back | returned | responded | replied | filled in | completed surveys | surveys completed | surveys back | ' +
      'take up | takeup | bothering to answer | bother to answer | bothered to answer | bothering to fill',
    intent('responseRate', 2),
  ),
  ...entries('survey | surveys | answered | completed | uptake', intent('responseRate', 1)),
  // Completing the survey, said any way: its count is the response rate ("at their annual review" is not a measure).
  ...entries(
    'completed the survey | done the survey | finished the survey | filled in the survey | filled out the survey | taken the survey | ' +
      'answered the survey | completed their survey | done their survey | finished their survey | filled in their survey | returned the survey | ' +
      // The verb split around its object: "filled the survey in", "filled it in".
      'filled the survey in | filled it in | filled their survey in | filled the form in | sent the survey back | sent it back',
    intent('responseRate', 4),
  ),
  ...entries('completion | completions | survey completion', intent('responseRate', 2)),
  // "invited families": who was invited, not a request to invite (which "invited" would fuzzily match).
  ...entries('invited | were invited | invited families | of those invited', intent('responseRate', 2)),
];

const WAITS: Entry[] = [
  ...entries(
    'wait | waiting | waiting list | wait list | waitlist | waiting time | wait time | waiting lists | queue | backlog',
    intent('waits', 3),
    { kind: 'waitAnchor' },
  ),
  ...entries('how long | delay | delays | delayed | referral | referrals', intent('waits', 2), { kind: 'waitAnchor' }),
  ...entries(
    'on time | timeliness | target | targets | within target | breach | breaching | breaches | RAG | RAG rating | seen within | triage | triaged | weeks | week | months',
    intent('waits', 2),
  ),
  ...entries(
    'which services | all services | every service | each service | any service | missing targets | missing their targets | missing target | off target | not on target | ' +
      'behind target | overview | all waits',
    intent('waits', 3),
    { kind: 'allServices' },
  ),
  // Exact: "wheelchair service waiting list" names one service (not held), not all of them.
  ...exactEntries('services', intent('waits', 3), { kind: 'allServices' }),
];

const HELP: Entry[] = [
  ...entries(
    'help | what can you do | what do you do | what can I ask | what can I say | how do I use | how does this work | how does this bot work | ' +
      'how does the bot work | how do you work | what can this bot do | what can the bot do | what can it do | questions can I ask | what does this bot do | what does this do | what do you know | what are you | commands | command list | menu | ' +
      'instructions | examples | getting started | get started | who are you | need help | need some help | need support | usage | user guide | guide | options | ' +
      // With a word between: "what can you actually do", "what else can you do".
      'what can you actually do | what else can you do | what do you actually do | what are you for | what are you able to do | what can you help with | ' +
      'sort of things | kind of things | things can i ask | things i can ask | what should i ask',
    intent('help', 2),
  ),
  ...entries('hi | hello | hey | hiya | good morning | good afternoon | good evening | start', intent('help', 1)),
  // "morning!": a greeting alone, typed as it is ("morning" is one letter from "mourning").
  ...exactEntries('morning | afternoon | evening | hiya all | hi all | hello all', intent('help', 1)),
];

// Things people ask any bot; answered with what this one can do instead. Matched exactly: a typo of
// an off-topic word is more likely an on-topic word ("sort" is not "sport").
const OUT_OF_SCOPE: Entry[] = offTopic(
  'weather | joke | jokes | funny | football | lunch | dinner | breakfast | recipe | news | song | music | movie | film | holiday | holidays | traffic | ' +
    'bitcoin | stock price | sport | score of the match | meaning of life | capital of | president | prime minister | translate | poem | what time is it | ' +
    'parking | canteen | password | printer | wifi | annual leave | payslip | meeting room | story',
  3,
);

// Arrangements, not figures: when or where something meets, who runs it, how to contact or refer, a policy, a
// deadline. They share a capability's words ("when is the partnership board", "the phone number for speech and
// language therapy", "how do I refer for an autism assessment") but no figure answers them.
const ARRANGEMENTS: Entry[] = offTopic(
  'when is | when does | when do | when are | when will | what date | what time | ' +
    'who chairs | who is the chair | who is leading | who leads | who runs | phone number | contact number | contact details | ' +
    'email address | how do i refer | how to refer | how do we refer | refer a child | make a referral | policy on | our policy | ' +
    'deadline for | the deadline | venue | being held',
  6,
);

// Tasks with documents or diaries, not figures or survey invitations: emailing a draft EHCP or a letter to a
// parent, forwarding minutes, booking a meeting. They can name a review and a parent, as an invitation does, and
// must never make one. A send verb and a document each count, so together they outweigh a review and a role.
const TASKS: Entry[] = [
  ...offTopic('email | forward | attach | post | print', 3),
  // Writing something for someone ("write me an email to the head about transport"): a task, even where it names a
  // subject the bot holds no figures for.
  ...offTopic('write me | write an | write a | compose | type up', 4),
  ...offTopic(
    'draft | the draft | a draft | letter | the letter | a letter | minutes | the minutes | attachment | a copy | copy of | paperwork | the paperwork | document | documents | pdf | ' +
      'book a | schedule a | arrange a | teams call | calendar | diary',
    3,
  ),
  // Inviting someone to a meeting is not a survey invitation: "invite the SENCO to the annual review meeting".
  // A meeting only mentioned ("their review meeting is tomorrow") is context, a hint: the request beside it counts.
  ...offTopic(
    'to the meeting | to the review meeting | to the annual review meeting | to a meeting | to the appointment | to an appointment | ' +
      'book a meeting | arrange a meeting | schedule a meeting | set up a meeting | organise a meeting | meeting invite | meeting request | ' +
      'book an appointment | make an appointment | arrange an appointment',
    5,
  ),
  ...offTopic('meeting | meetings | appointment | appointments', 1.5),
];

// Social phrases: out of scope, but too weak to outweigh a question said politely ("SALT waits, thanks").
const SOCIAL: Entry[] = offTopic('thank you | thanks | cheers | love you | how are you | great | brilliant | cool', 1);

// Words of the SEND world: a message using them but matching no intent is unclear, not out of scope.
const DOMAIN: Entry[] = entries(
  'SEND | EHCP | annual review | review | framework | practitioner | data | SENCO | school | AP | alternative provision | figures | numbers | stats | statistics',
  {
    kind: 'domain',
  },
);

function offTopic(phrases: string, weight: number): Entry[] {
  return exactEntries(phrases, intent('outOfScope', weight));
}

export const INTENT_ENTRIES: Entry[] = [
  ...SCORES,
  ...RESPONSE_RATE,
  ...WAITS,
  ...HELP,
  ...OUT_OF_SCOPE,
  ...ARRANGEMENTS,
  ...TASKS,
  ...SOCIAL,
  ...DOMAIN,
];
