import { longWeekdayDate } from '../../domain/dates.js';
import type { Reply } from '../../ports/messages.js';
import type { StaffNotice } from './familyContactsStores.js';

const WHO = { cyp: 'the child or young person', pc: 'the parent carer' } as const;

/** What a practitioner is told about a family they invited, in plain words with what to do (no card needed). */
export function staffNoticeReply(
  notice: StaffNotice,
  progress: { sectionsSaved: number; sectionCount: number },
): Reply {
  const who = WHO[notice.role];
  if (notice.kind === 'deliveryFailed') {
    const byText = notice.channel !== 'email';
    const what = `${notice.message === 'invitation' || !notice.message ? 'invitation' : 'reminder'} ${byText ? 'text' : 'email'}`;
    const why = byText
      ? 'the mobile number is not in use or cannot receive texts'
      : 'the email address does not exist or cannot receive email';
    const contact = byText ? 'mobile number' : 'email address';
    return {
      text:
        `GOV.UK Notify could not deliver the survey ${what} to ${who} of review ${notice.reviewRef}: ${why} (a permanent failure). ` +
        `I have deleted the ${contact} and will send them no reminders. Please check the ${contact} with the family and invite them again with the right one, ` +
        `or pass the link on yourself: type "my invitations" to see it.`,
    };
  }
  const where =
    progress.sectionsSaved === 0
      ? 'has not started the survey'
      : `has not finished the survey (${progress.sectionsSaved} of ${progress.sectionCount} sections saved)`;
  return {
    text:
      `Review ${notice.reviewRef}'s meeting is on ${longWeekdayDate(notice.meetingOn!)}, and ${who} ${where}. ` +
      `Type "my invitations" to see where each family is up to, or to give them a new link.`,
  };
}
