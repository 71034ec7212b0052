/**
 * Held-out set 13: 60 phrasings with the intent each should be given, written on 2026-12-08 by an
 * independent writer who read only the README, SPEC.md, the shared examples and the help card, never the
 * bot's language code, and wrote every row before any tuning on it (nor was the bot run against them).
 *
 * Four rows corrected after the first run, for an error in the writer's brief, not the bot: the brief described
 * deliveryReport as invitation texts and emails; it is the termly digest's delivery report, and whether an
 * invitation's text or email was delivered (or bounced, or failed at Notify) is in "my invitations". Those four
 * rows now want myInvitations.
 *
 * First run (code at 6b3e77d, before any tuning on this set; the table as written): 43 right, 2 asked back,
 * 8 not understood, 7 confidently wrong (11.7%); with the four rows corrected, the same code: the same counts.
 * The seven: a text's delivery, an EHCP to be emailed and "the annual review minutes" to be sent each read as an
 * invitation to make (the last with "MINUTES" as its review), "the annual review meeting" likewise, "without an
 * adult helping" as the response rate, "has anyone else looked at" as the answers themselves, "moaning about"
 * as scores. Fixed by kind (session 13): no invitation from a review and a role alone in a sentence without an
 * invitation's words; tasks with documents and diaries out of scope; a word after "review" a reference only where
 * a command puts one; delivery words with texts and emails read as "my invitations"; more ways to say "without
 * help", "anyone else", complaints in families' words; "I've", "I'm" expanded. After: 55 right, 2 asked back,
 * 3 not understood, 0 confidently wrong.
 */
export const HELD_OUT_13: [string, { intent: string } | { intent: string }[]][] = [
  // Invitations, who answered, and their near-misses
  ['can u set up a survey link for mum on AR-2231 pls', { intent: 'invite' }],
  ['I need the young person on AR-0871 to do the survey, can you invite them', { intent: 'invite' }],
  ['new invite parent carer AR-3310 - review mtg is 3rd March', { intent: 'invite' }],
  ['send the outcomes survey to dad for AR-1186, his mobile is 07700 900456', { intent: 'invite' }],
  [
    'parent says she never got the link for AR-3310, can i get her a fresh one',
    [{ intent: 'invite' }, { intent: 'myInvitations' }],
  ],
  ['which of my invites are still outstanding?', { intent: 'myInvitations' }],
  ['show me the invitations ive sent out', { intent: 'myInvitations' }],
  ['has the family on AR-2231 finished the questionnaire yet', { intent: 'myInvitations' }],
  ['did the text to the parent on AR-1186 actually get delivered?', { intent: 'myInvitations' }],
  ['any survey emails bounced back?', { intent: 'myInvitations' }],
  ['notify failures this week', { intent: 'myInvitations' }],
  ['have the reminder texts gone to the families who havent done it', { intent: 'myInvitations' }],
  ['how did kids who did the survey by themselves score?', { intent: 'answeredAlone' }],
  ['CYP scores - answered with help vs on their own', { intent: 'answeredAlone' }],
  ['how many young people filled it in without an adult helping them', { intent: 'answeredAlone' }],
  ['email the draft EHCP to the parents on AR-1042 please', { intent: 'unknown' }],
  ['can you send the annual review minutes to the family', { intent: 'unknown' }],
  ['invite the SENCO to the annual review meeting on tuesday', { intent: 'unknown' }],
  ['set up a teams call with the ed psych and the parent carer', { intent: 'unknown' }],
  ['did my message to the SENCO get delivered', { intent: 'unknown' }],
  ['has the final plan for AR-0871 been sent to the school yet', [{ intent: 'notHeld' }, { intent: 'unknown' }]],
  ['are final plans being delivered within the 20 weeks?', [{ intent: 'measure' }, { intent: 'waits' }]],
  ['what help will a child on SEN support get in school', { intent: 'unknown' }],
  ['do parents feel the help their child gets is any good?', { intent: 'scores' }],
  ['did the termly digest reach all the managers ok', { intent: 'digest' }],

  // Survey scores and outcomes
  ['kids scores on feeling safe this term', { intent: 'scores' }],
  ['Which outcome are parents least happy with at the moment?', { intent: 'scores' }],
  ['listened to scores for parent carers, autumn', { intent: 'scores' }],
  ['everything we have on the health outcome, survey and measures together', { intent: 'outcomeOverview' }],
  ['overall picture for preparing for adulthood pls', [{ intent: 'outcomeOverview' }, { intent: 'scores' }]],
  ['what % of families have actually responded this term?', { intent: 'responseRate' }],
  ['return rate on the parent surveys', { intent: 'responseRate' }],

  // Waiting times and measures
  ['how long is the wait for SLT atm', { intent: 'waits' }],
  ['ASD assesment waiting list', { intent: 'waits' }],
  ['are we hitting 18 weeks on the ND pathway?', { intent: 'waits' }],
  ['how many EHCPs went out within 20 wks last term', [{ intent: 'measure' }, { intent: 'waits' }]],
  ['attendance for SEN support pupils, how are we doing', { intent: 'measure' }],
  ['perm exclusions of children with plans this year', { intent: 'measure' }],
  ['number of appeals lodged with the send tribunal', { intent: 'measure' }],
  ['16-25s with SEND in education, employment or training - latest?', { intent: 'measure' }],

  // Digest, board and publishing
  ['sign me up for the termly round-up', { intent: 'digest' }],
  ['please stop sending me the digest', { intent: 'digest' }],
  ['need the board pack for spring', { intent: 'boardPack' }],
  ['which measures are red and still need my commentary?', { intent: 'exceptions' }],
  ['take the attendance figures off the public page', { intent: 'publicFigures' }],

  // Reviews and families' words
  ['what did the family put in their survey for AR-2231', { intent: 'reviewAnswers' }],
  ['has anyone else looked at the answers for AR-1186?', { intent: 'whoViewed' }],
  ['parent has withdrawn consent, wipe everything we hold for AR-0871', { intent: 'eraseReview' }],
  ['what are parents mainly moaning about re health', { intent: 'themes' }],
  ['add to you said we did: we now run monthly drop-ins for parents', { intent: 'youSaidWeDid' }],
  ['what have people asked you that you couldnt answer?', { intent: 'unansweredQuestions' }],
  ['which survey questions are confusing families', { intent: 'unclearQuestions' }],

  // Words, help, small talk and out of scope
  ['whats PfA stand for', { intent: 'glossary' }],
  ['sorry, what sort of things can I ask you?', { intent: 'help' }],
  ['cheers, thats really useful', { intent: 'smallTalk' }],
  [
    'how much have we spent on independent special school placements this year',
    [{ intent: 'notHeld' }, { intent: 'unknown' }],
  ],
  ['average caseload per SEN case officer', [{ intent: 'notHeld' }, { intent: 'unknown' }]],
  ['reset my password please', { intent: 'unknown' }],
  ['whats the phone number for SENDIASS', { intent: 'unknown' }],
  ['how do i refer a child to CAMHS?', { intent: 'unknown' }],
];
