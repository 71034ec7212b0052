import { isSendingTime, londonTime, nextSendingTime } from './sendingHours.js';

/**
 * When a family is reminded: at most two reminders, `days` whole days after the invitation was sent (by default
 * the 3rd and the 7th: REMINDER_DAYS), at the time of day it was sent, each only in sending hours, and none once the survey
 * is completed, the invitation replaced or expired, or on and after the day of the review meeting. A reminder
 * that falls due while an earlier one is still waiting (sending hours, the bot stopped) replaces it: the
 * family is never sent two at once.
 */
export const MAX_REMINDERS = 2;

export type ReminderCheck = {
  now: Date;
  /** When the invitation was sent (ISO). */
  invitedAt: string;
  days: readonly number[];
  /** The product's "today" (UTC date) and the invitation's last day, compared as everywhere else. */
  today: string;
  expiresOn: string;
  /** The review meeting's date, if the practitioner gave it. */
  meetingOn?: string;
  completed: boolean;
  replaced: boolean;
};

export type ReminderStop = 'completed' | 'replaced' | 'expired' | 'meeting' | 'done';
export type ReminderDecision =
  /** Reminder `reminder` (from 1) may go now; `nextAt`: when the one after it falls due. */
  | { kind: 'send'; reminder: number; nextAt?: string }
  /** Nothing to send yet: look again at `nextAt`. */
  | { kind: 'wait'; nextAt: string }
  | { kind: 'stop'; why: ReminderStop };

/** When each reminder falls due: whole days after the invitation, at the same instant of the day (UTC). */
export function reminderDueTimes(invitedAt: string, days: readonly number[]): Date[] {
  const sent = Date.parse(invitedAt);
  return days.slice(0, MAX_REMINDERS).map((d) => new Date(sent + d * 86_400_000));
}

export function reminderDecision(c: ReminderCheck): ReminderDecision {
  if (c.completed) return { kind: 'stop', why: 'completed' };
  if (c.replaced) return { kind: 'stop', why: 'replaced' };
  if (c.today > c.expiresOn) return { kind: 'stop', why: 'expired' };
  if (c.meetingOn && londonTime(c.now).date >= c.meetingOn) return { kind: 'stop', why: 'meeting' };
  const due = reminderDueTimes(c.invitedAt, c.days);
  const latest = due.filter((at) => at.getTime() <= c.now.getTime()).length;
  const following = due[latest];
  if (latest === 0)
    return following ? { kind: 'wait', nextAt: following.toISOString() } : { kind: 'stop', why: 'done' };
  if (!isSendingTime(c.now)) return { kind: 'wait', nextAt: nextSendingTime(c.now).toISOString() };
  return { kind: 'send', reminder: latest, ...(following ? { nextAt: following.toISOString() } : {}) };
}

/** When the first reminder of an invitation sent at `invitedAt` falls due; undefined with reminders off. */
export function firstReminderAt(invitedAt: string, days: readonly number[]): string | undefined {
  return reminderDueTimes(invitedAt, days)[0]?.toISOString();
}
