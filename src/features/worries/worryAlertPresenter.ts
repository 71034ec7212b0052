import type { WorryAlertCard } from './worryCardModels.js';
import { renderCard } from '../../cards/renderCard.js';
import { UNNAMED_STAFF } from '../../domain/text/displayNames.js';
import { chatLiteralLines } from '../../domain/text/safeText.js';
import type { ActionType, Reply } from '../../ports/messages.js';
import type { WorryAlert } from './worryStores.js';
import { longDateTime } from '../../cards/format.js';

const WHO = { cyp: 'the child or young person', pc: 'the parent carer' } as const;

/**
 * The alert card: what was written, why it was raised, and what to do; the button while it is open.
 * `seenBy`: the name of whoever pressed "I have seen this" (never their id).
 */
export function worryAlertCard(
  alert: WorryAlert,
  opts: { escalated: boolean; actionType: ActionType; seenBy?: string },
): WorryAlertCard {
  const open = alert.status !== 'acknowledged';
  return {
    title: opts.escalated
      ? `Not yet seen: a worry in review ${alert.reviewRef}`
      : `A family's answer may need you today: review ${alert.reviewRef}`,
    subtitle: `From ${WHO[alert.role]}, ${longDateTime(alert.raisedAt)}.`,
    why: `Raised because of ${alert.reasons.join(', ')}. Please read it and follow your safeguarding procedure if it needs action.`,
    asked: alert.asked,
    answer: chatLiteralLines(alert.answer),
    status: !open
      ? `Seen by ${opts.seenBy ?? UNNAMED_STAFF} at ${longDateTime(alert.acknowledgedAt!)}.`
      : opts.escalated
        ? alert.problem
          ? `Sent to administrators at once: ${alert.problem}.`
          : 'Sent to administrators: nobody pressed "I have seen this" within one working day.'
        : 'Press "I have seen this" once you have read it. If nobody does within one working day, it goes to the administrators.',
    notes: ['You are seeing this because you invited the family to the survey (or you are an administrator).'],
    canAcknowledge: open,
    actionType: opts.actionType,
    alertId: alert.id,
  };
}

/** The proactive message (Teams sends Action.Execute, so the card can be replaced in place when pressed). */
export function worryAlertReply({ alert, escalated }: { alert: WorryAlert; escalated: boolean }): Reply {
  return {
    text: `${escalated ? 'Not yet seen: a worry' : "A family's answer may need you today"} (review ${alert.reviewRef}).`,
    card: renderCard('worryAlert', worryAlertCard(alert, { escalated, actionType: 'Action.Execute' })),
  };
}
