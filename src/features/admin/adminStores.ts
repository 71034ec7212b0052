import type { StaffRole } from '../../domain/access/roles.js';

/** Staff roles, and the questions the bot could not answer (kept to teach it). */

export interface RoleStore {
  rolesOf(userId: string): Promise<StaffRole[]>;
  /** Everyone with a role (administrators are told of worries nobody acknowledged). */
  list(): Promise<{ userId: string; roles: StaffRole[] }[]>;
}

export type UnansweredQuestion = { at: string; text: string; role: string; reason: string };

export interface QuestionLog {
  record(entry: UnansweredQuestion): Promise<void>;
  recent(limit: number, now: Date): Promise<UnansweredQuestion[]>;
}
