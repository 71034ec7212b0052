import type { CapabilityIntent } from '../../routing/route.js';
import { askBackWith } from '../../understanding/clarify.js';
import { cued } from '../../understanding/intentClassifier.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entries, exactEntries, intent } from '../../understanding/lexicon.js';
import type { RespondentRole } from '../../understanding/types.js';
import type { InvitationService } from './invitationService.js';
import { inviteRoute } from './inviteRoute.js';
import { myInvitationsRoute } from './myInvitationsRoute.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "invite review AR-1042 parent": a survey invitation for one respondent of one review. */
    invite: { reviewRef?: string; role?: RespondentRole };
    /** "my invitations": the practitioner's own invitations and who has not finished. */
    myInvitations: object;
  }
}

type Deps = { invitations: InvitationService };
/** "AR-1042 parent", "AR 1042 young person": a reference and who, typed as a command. */
const TERSE_TOKENS = 4;
type Invite = { intent: 'invite'; reviewRef?: string; role?: RespondentRole };

const ROLE_WORD: Record<RespondentRole, string> = { pc: 'parent', cyp: 'child' };
const inviteCommand = (u: Invite): string =>
  ['invite', u.reviewRef ? `review ${u.reviewRef}` : '', u.role ? ROLE_WORD[u.role] : ''].filter(Boolean).join(' ');

/** An invitation is for one respondent: the parent carer or the child or young person. */
function whichRespondent(reviewRef: string | undefined) {
  const roles: RespondentRole[] = ['pc', 'cyp'];
  const options = roles.map((role): Invite => ({ intent: 'invite', ...(reviewRef ? { reviewRef } : {}), role }));
  const about = reviewRef ? ` for review ${reviewRef}` : '';
  return askBackWith(
    `Who should I invite${about}: the parent carer or the child or young person? (One invitation each.)`,
    options,
    inviteCommand,
  );
}

export const inviteIntent = {
  reader: intentReader({
    intent: 'invite',
    before: 'responseRate',
    vocabulary: [
      ...entries(
        'invite | invitation | invitations | send the survey | send survey | send a survey | send out the survey | survey link | survey code | new code | link for | ' +
          // "send the outcomes survey to dad for AR-1186": the survey, named with a word between.
          'send the outcomes survey | send the outcome survey | send the annual review survey | send them the survey | send her the survey | send him the survey | ' +
          'send the questionnaire | send a questionnaire | send out the questionnaire | ' +
          // "can you set up the survey for the young person on AR-2210".
          'set up the survey | set up a survey | set up the questionnaire | set up a survey link',
        intent('invite', 4),
      ),
      // "survey for the parent carer of AR-6120": the survey and who it is for, in one phrase.
      ...entries(
        'survey for the parent | survey for the parent carer | survey for mum | survey for dad | survey for the family',
        intent('invite', 4),
        { kind: 'role', role: 'pc' },
      ),
      ...entries('survey for the young person | survey for the child | survey for the pupil', intent('invite', 4), {
        kind: 'role',
        role: 'cyp',
      }),
      ...entries('link | code', intent('invite', 1)),
    ],
    // A review reference is what an invitation is for, when the message asks for one or is nothing but the
    // reference and who ("AR-1042 parent"). In a sentence without an invitation's words ("email the draft EHCP
    // to the parent on AR-1042", "did the text to the parent on AR-1186 arrive") a review and a role are no
    // request to make one: the bot must never send a survey nobody asked for.
    evidence: (e, asked) => {
      if (!e.hasReviewRef) return 0;
      const asksForOne = asked > 0 || (e.tokens?.length ?? 0) <= TERSE_TOKENS;
      return asksForOne ? 2 + (e.hasRoles ? 1 : 0) : 1;
    },
    build: (s) => {
      // A bare reference ("AR-1042") could be for an invitation or an erasure: ask rather than invite.
      if (s.roles.length > 1 || (!cued(s.analysis, 'invite') && s.roles.length === 0))
        return whichRespondent(s.reviewRef);
      const role = s.roles[0];
      return { intent: 'invite', ...(s.reviewRef ? { reviewRef: s.reviewRef } : {}), ...(role ? { role } : {}) };
    },
    command: inviteCommand,
  }),
  route: (d: Deps) => inviteRoute(d.invitations),
} satisfies CapabilityIntent<'invite', Deps>;

// A practitioner's own invitations and who has not finished: named outright, so they outweigh "invitations".
export const myInvitationsIntent = {
  reader: intentReader({
    intent: 'myInvitations',
    before: 'responseRate',
    vocabulary: [
      ...entries(
        'my invitations | my invites | my invitation | my surveys | invitations I made | invitations I sent | invitations I have sent | invites I sent | invites I made | ' +
          'invitations I have made | invitations I made | invitations I sent | invitations I have sent | invitations have I sent | invitations have I made | surveys I sent | surveys I have sent | who has not finished | who has not completed | who has not responded | who has not replied | who has not answered | ' +
          'not finished yet | not finished | have not finished | have not completed | still to finish | yet to finish | outstanding invitations | outstanding surveys | invitation status | invitations status | status of my invitations | ' +
          'who to chase | chase up | families to chase | lost the link | lost their link | lost link | new link | fresh link | resend the link | resend link | send the link again',
        intent('myInvitations', 6),
      ),
      // Invitations already sent, and whether they reached the family (the list shows each one's delivery):
      // "the invites I've sent out", "were the invite texts delivered", "did any invitation emails bounce".
      ...entries(
        'invites i have sent | invites i have sent out | invitations i have sent out | ' +
          'invites gone out | invitations gone out | invites have gone out | invitations have gone out | invites that went out | invitations that went out | which invites | which invitations | ' +
          'invite texts | invitation texts | invite emails | invitation emails | invite messages | invitation messages | invite text | invitation text | invite email | invitation email | ' +
          'invites delivered | invitations delivered | invites bounced | invitations bounced | invites failed | invitations failed | did the invites | did the invitations | ' +
          'survey emails | survey texts | reminder texts | reminder emails | reminders gone | reminders gone out | notify failures | bounced back | emails bounced | texts bounced',
        intent('myInvitations', 6),
      ),
      // Delivered or not, said of a family's text or email ("did the text to the parent on AR-1186 get delivered"):
      // each a hint, together (or beside a review) they outweigh an invitation the message never asked for.
      ...exactEntries(
        'delivered | bounced | bounce | failed | text | texts | email | emails',
        intent('myInvitations', 1.5),
      ),
      // A practitioner's own families and surveys not done yet ("which of my families still need to finish").
      ...entries(
        'my families | my reviews | my young people | my parents | need to finish | needs to finish | still need to | still needs to | not yet finished | not yet completed | ' +
          'i sent out | i have sent out | surveys i sent out | still has not | still have not | still not completed | still not finished | ' +
          'yet to complete | still to complete | not submitted | have not submitted | unfinished | incomplete surveys | surveys not done | not done their survey | not done the survey | ' +
          'families i invited | people i invited | i invited | i have invited | who has not filled in | who has not filled | who still has not',
        intent('myInvitations', 4),
      ),
    ],
    build: () => ({ intent: 'myInvitations' }),
    command: () => 'my invitations',
  }),
  route: (d: Deps) => myInvitationsRoute(d.invitations),
} satisfies CapabilityIntent<'myInvitations', Deps>;
