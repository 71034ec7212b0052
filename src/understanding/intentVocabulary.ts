import { entries, exactEntries, intent, type Entry } from './lexicon.js';

/**
 * Cue phrases for each intent, with weights: 4 names the intent outright ("response rate"),
 * 3 nearly so ("scores"), 2 is good evidence ("how long"), 1 a hint. The classifier adds them up
 * with the evidence from slots (an outcome, a service, a review reference).
 */
const SCORES: Entry[] = [
  ...entries('score | scores | scoring | outcome scores | survey results | percent positive', intent('scores', 3)),
  // "Ofsted rating": anyone's rating; beside an outcome it is the survey's.
  ...entries('ratings | rating', intent('scores', 1)),
  ...entries(
    'positive | outcome | outcomes | how are we doing | how we are doing | how are we getting on | how are they doing | how is it going',
    intent('scores', 2),
  ),
  // "results" alone is anyone's results ("GCSE results"): a hint that needs an outcome beside it.
  ...entries('results | result', intent('scores', 1)),
  ...entries(
    'doing | say about | think about | feel about | feedback | mean | average | answers | views on',
    intent('scores', 1),
  ),
  // A ranking is shown worst first: that is what needs attention.
  // Exact only: "test" is not "best", "rest" not "worst".
  ...exactEntries(
    'lowest | worst | weakest | poorest | bottom | least positive | lowest scoring | worst scoring | rank | ranking | ranked | league table',
    { kind: 'rank', rank: 'lowest' },
    intent('scores', 2),
  ),
  ...exactEntries(
    'highest | best | strongest | top | most positive | highest scoring | best scoring',
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
    'responses | come back | came back | returned | responded | replied | filled in | completed surveys | surveys completed | surveys back',
    intent('responseRate', 2),
  ),
  ...entries('survey | surveys | answered | completed | uptake', intent('responseRate', 1)),
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

const INVITE: Entry[] = [
  ...entries(
    'invite | invitation | invitations | send the survey | send survey | send a survey | send out the survey | survey link | survey code | new code | link for',
    intent('invite', 4),
  ),
  ...entries('link | code', intent('invite', 1)),
];

// A practitioner's own invitations and who has not finished: named outright, so they outweigh "invitations".
const MY_INVITATIONS: Entry[] = [
  ...entries(
    'my invitations | my invites | my invitation | my surveys | invitations I made | invitations I sent | invitations I have sent | invites I sent | invites I made | ' +
      'invitations I have made | invitations I made | invitations I sent | invitations I have sent | invitations have I sent | invitations have I made | surveys I sent | surveys I have sent | who has not finished | who has not completed | who has not responded | who has not replied | who has not answered | ' +
      'not finished yet | not finished | have not finished | have not completed | still to finish | yet to finish | outstanding invitations | outstanding surveys | invitation status | invitations status | status of my invitations | ' +
      'who to chase | chase up | families to chase | lost the link | lost their link | lost link | new link | fresh link | resend the link | resend link | send the link again',
    intent('myInvitations', 6),
  ),
];

const DIGEST: Entry[] = [
  ...entries(
    'digest | termly digest | termly report | termly summary | board report | newsletter | digest email',
    intent('digest', 4),
    { kind: 'domain' },
  ),
  ...entries(
    'unsubscribe | opt out | stop sending | remove me | take me off',
    { kind: 'digest', signal: 'unsubscribe' },
    intent('digest', 2),
  ),
  ...entries('do not send | no longer | turn off | stop', { kind: 'digest', signal: 'unsubscribe' }),
  // "I want the digest" could mean now or every term: the builder asks.
  ...entries('want | would like | receive | get | like to have | can I have', { kind: 'digest', signal: 'wanted' }),
  ...entries(
    'subscribe | sign me up | sign up | opt in | add me | turn on | put me on',
    { kind: 'digest', signal: 'subscribe' },
    intent('digest', 2),
  ),
  ...entries(
    'every term | each term | automatically | regularly | end of term | end of each term | end of every term',
    { kind: 'digest', signal: 'recurring' },
  ),
  ...entries('preview | show | view | see | look at | latest', { kind: 'digest', signal: 'preview' }),
  ...entries('send | send out | email | trigger | issue | run | push', { kind: 'digest', signal: 'send' }),
  // Without this, "subscribers" is read as a typo of "subscribe".
  ...entries('subscribers | subscriber | all subscribers', { kind: 'domain' }),
];

const ADMIN: Entry[] = [
  ...entries('erase | erasure | right to be forgotten | right to erasure', intent('eraseReview', 4)),
  ...entries('delete | remove | wipe | forget | purge', intent('eraseReview', 2)),
  ...entries(
    'unanswered | unanswered questions | could not answer | can not answer | did not answer | not able to answer | unable to answer | not understand | ' +
      'what did people ask | could not help with | could not help | what have people been asking | what are people asking | what people are asking | people been asking | ' +
      'did not understand | could not understand | could not you answer | did not you answer | could not you understand | did not you understand | ' +
      'could you not answer | you could not answer | failed to answer | fail to answer | not been able to answer | failed questions | unknown questions | questions people asked | what people asked | what have people asked | missed questions',
    intent('unansweredQuestions', 4),
  ),
];

/** One review's own answers ("answers for AR-1042"), and who has seen them (administrators). */
const REVIEW_ANSWERS: Entry[] = [
  ...entries(
    "answers for | the answers for | answers to | responses for | what did the family say | what the family said | family's answers | families answers | " +
      'review answers | survey answers | their answers | show the answers | see the answers | what did they say | what they wrote | what did they write | own words',
    intent('reviewAnswers', 4),
  ),
  ...entries('wrote | write | written | writing', intent('reviewAnswers', 3)),
  ...entries(
    'who viewed | who has viewed | who has seen | who saw | who looked at | who has looked at | who accessed | who has accessed | who opened | viewing log | access log | views of',
    intent('whoViewed', 6),
  ),
  ...entries(
    'you said we did | you said, we did | you said | we did | ysdw | what we changed | changes we made',
    intent('youSaidWeDid', 6),
  ),
  ...entries(
    // Role words ("parents") are left free so "what are parents saying" is read for parent carers.
    'are saying | saying about | comments | comments about | comments on | themes | common themes | what did families write | what families wrote | what do families write | free text | written comments',
    intent('themes', 5),
  ),
  ...entries('saying', intent('themes', 4)),
  ...entries('written about | wrote about | writing about | have written about | write about', intent('themes', 6)),
  // "delete the answers for AR-1042" is an erasure, whatever else it says.
  ...entries(
    'delete the answers | erase the answers | delete answers | erase answers | remove the answers',
    intent('eraseReview', 6),
  ),
];

const HELP: Entry[] = [
  ...entries(
    'help | what can you do | what do you do | what can I ask | what can I say | how do I use | how does this work | how does this bot work | ' +
      'how does the bot work | how do you work | what can this bot do | what can the bot do | what can it do | questions can I ask | what does this bot do | what does this do | what do you know | what are you | commands | command list | menu | ' +
      'instructions | examples | getting started | get started | who are you | need help | need some help | need support | usage | user guide | guide | options',
    intent('help', 2),
  ),
  ...entries('hi | hello | hey | hiya | good morning | good afternoon | start', intent('help', 1)),
  // "what does RAG mean": a question about a word, not a request for figures; help says where it is explained.
  ...entries(
    'what does rag mean | what is rag | what is a rag rating | what does red amber green mean | what do the colours mean',
    intent('help', 8),
  ),
];

// Things people ask any bot; answered with what this one can do instead. Matched exactly: a typo of
// an off-topic word is more likely an on-topic word ("sort" is not "sport").
const OUT_OF_SCOPE: Entry[] = offTopic(
  'weather | joke | jokes | funny | football | lunch | dinner | breakfast | recipe | news | song | music | movie | film | holiday | holidays | traffic | ' +
    'bitcoin | stock price | sport | score of the match | meaning of life | capital of | president | prime minister | translate | poem | what time is it | ' +
    'parking | canteen | password | printer | wifi | annual leave | payslip | meeting room | story',
  3,
);

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
  ...INVITE,
  ...MY_INVITATIONS,
  ...DIGEST,
  ...ADMIN,
  ...REVIEW_ANSWERS,
  ...HELP,
  ...OUT_OF_SCOPE,
  ...SOCIAL,
  ...DOMAIN,
];
