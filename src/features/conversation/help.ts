import { renderCard } from '../../cards/renderCard.js';
import { can } from '../../domain/access/roles.js';
import type { Turn } from '../../ports/turn.js';

/** What the bot can do for this person, with buttons for the common questions. */
export async function showHelp(turn: Turn): Promise<void> {
  const roles = await turn.roles();
  if (!can(roles, 'seeFigures')) {
    const text =
      'Hello! I help families answer the annual-review survey of the SEND and AP Outcomes Framework. ' +
      'If you have an invitation, type the code from it (for example ABCD-EFGH-23) and I will start your survey. ' +
      'You can stop at any time and carry on later from where you left off. ' +
      'If a word is new to you, ask what it means, for example "what does EHCP mean?".';
    await turn.send({ text });
    return;
  }
  const commands = [
    {
      example: 'invite review AR-1042 parent',
      meaning: 'a survey invitation (code and link) for the parent carer, or "child", of a review',
    },
    {
      example: 'my invitations',
      meaning:
        'the invitations you made, newest first, with who has not finished, and a new link for a lost or expired one',
    },
    {
      example: 'outcome scores this term',
      meaning: 'the six outcomes for children and young people and for parent carers',
    },
    {
      example: 'how are we doing on kept safe?',
      meaning: 'one outcome; add "per question", "last term" or "spring 2025-26"',
    },
    { example: 'response rate this term', meaning: 'invitations sent, started and completed' },
    {
      example: 'answers for AR-1042',
      meaning:
        "a review's own answers and the family's words, for the review meeting (only the practitioner who invited them)",
    },
    {
      example: 'what are families saying about support?',
      meaning: 'themes counted in what families wrote (never their words), for 10 or more comments',
    },
    {
      example: 'which questions did families not understand?',
      meaning: 'questions 5 or more people answered "I don\'t understand", to improve the wording',
    },
    {
      example: 'scores where children answered on their own',
      meaning: 'outcome scores of children who said they answered alone (not shown where it could single anyone out)',
    },
    {
      example: 'current wait for speech and language therapy?',
      meaning: 'a waiting list against its target: SALT, autism (ASD), ADHD, the ND pathway or EHC needs assessments',
    },
    { example: 'which services are missing their targets?', meaning: 'every service, worst first' },
    {
      example: 'has the SALT waiting list changed since September?',
      meaning: 'the extracts loaded compared, or "trend"',
    },
    {
      example: 'annual reviews on time this term?',
      meaning: "one of the framework's other measures: exclusions, attendance, tribunals, plan quality, short breaks…",
    },
    { example: 'which measures are off target?', meaning: 'every framework measure, those below target first' },
    { example: 'how is the Support outcome doing overall?', meaning: 'its survey scores and its measures together' },
    { example: 'how does voice compare with this time last year?', meaning: 'the same term a year apart' },
    { example: 'what does EHCP mean?', meaning: 'a SEND word explained in plain English (families can ask too)' },
  ];
  commands.push({ example: 'preview the digest', meaning: "this term's digest for the partnership board, so far" });
  if (roles.includes('manager'))
    commands.push(
      {
        example: 'subscribe to the termly digest',
        meaning:
          'get it here at the end of every term (in a team channel: the channel gets it); "unsubscribe" stops it',
      },
      { example: 'send the digest now', meaning: 'send this term so far to every subscriber (asks you to confirm)' },
    );
  if (roles.includes('manager') || roles.includes('admin'))
    commands.push(
      { example: 'digest delivery report', meaning: 'how the last digests were delivered' },
      { example: 'you said, we did', meaning: 'record what changed because of what families said (shown to families)' },
    );
  if (roles.includes('admin'))
    commands.push(
      { example: 'unanswered questions', meaning: 'questions I could not answer, to teach me' },
      { example: 'erase review AR-1042', meaning: 'delete everything held for one review (asks you to confirm)' },
      { example: 'who viewed AR-1042', meaning: "everyone who has seen a review's answers, and when" },
    );
  const buttons = [
    { title: 'Outcome scores', text: 'outcome scores this term' },
    { title: 'Lowest outcome', text: 'which outcome is lowest this term?' },
    { title: 'Response rate', text: 'response rate this term' },
    { title: 'Waiting times', text: 'which services are missing their targets?' },
  ];
  const card = renderCard('help', {
    title: 'What I can do',
    intro: 'Ask me the way you would ask a colleague. For example:',
    commands,
    buttons,
  });
  const fullText = `What I can do:\n${commands.map((c) => `- "${c.example}": ${c.meaning}`).join('\n')}`;
  await turn.send({ text: 'What I can do — ask me the way you would ask a colleague.', card, fullText });
}
