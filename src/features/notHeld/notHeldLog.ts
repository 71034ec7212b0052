import type { Clock } from '../../domain/clock.js';
import type { QuestionLog } from '../admin/adminStores.js';
import type { Turn } from '../../ports/turn.js';

/**
 * A question the bot understood but holds no figures for (a measure with nothing loaded, a service with no
 * extract or not in the catalogue) goes in the unanswered-question log beside those it did not understand,
 * so an administrator sees what people need that is missing. The text and roles, never who asked.
 */
export async function logNotHeld(turn: Turn, log: QuestionLog, clock: Clock): Promise<void> {
  const roles = await turn.roles();
  await log.record({ at: clock.now().toISOString(), text: turn.text, role: roles.join(','), reason: 'not-held' });
}
