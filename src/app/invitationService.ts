import type { Clock } from '../domain/clock.js';
import { addDays } from '../domain/dates.js';
import { formatCode, newInvitationCode } from '../domain/invitations/invitationCode.js';
import { checkReviewRef } from '../domain/invitations/reviewRef.js';
import type { RespondentRole } from '../domain/survey/questionBank.js';
import type { TermCalendar } from '../domain/terms/termCalendar.js';
import type { InvitationsRepository } from '../storage/repositories/invitationsRepository.js';
import type { RespondentStore } from '../storage/repositories/respondentStore.js';

export type InviteResult =
  | { kind: 'created'; code: string; displayCode: string; link: string; reviewRef: string; role: RespondentRole; expiresOn: string }
  | { kind: 'badReviewRef'; message: string }
  | { kind: 'alreadyCompleted'; reviewRef: string; role: RespondentRole };

export class InvitationService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly respondents: RespondentStore,
    private readonly terms: TermCalendar,
    private readonly clock: Clock,
    private readonly options: { ttlDays: number; publicBaseUrl: string },
  ) {}

  async invite(reviewRefInput: string, role: RespondentRole, createdBy: string): Promise<InviteResult> {
    const ref = checkReviewRef(reviewRefInput);
    if (!ref.ok) return { kind: 'badReviewRef', message: ref.message };
    const existing = await this.respondents.read(ref.reviewRef, role);
    if (existing?.completedAt) return { kind: 'alreadyCompleted', reviewRef: ref.reviewRef, role };

    const today = this.clock.today();
    const term = this.terms.termOf(today).id;
    const expiresOn = addDays(today, this.options.ttlDays);
    let code = newInvitationCode();
    // ~8 × 10^14 codes make a collision vanishingly rare; the insert is conditional all the same.
    while (!(await this.invitations.tryCreate({ code, reviewRef: ref.reviewRef, role, term, createdAt: this.clock.now().toISOString(), expiresAt: expiresOn, createdBy }))) {
      code = newInvitationCode();
    }
    await this.ensureRespondent(ref.reviewRef, role, term);
    return { kind: 'created', code, displayCode: formatCode(code), link: `${this.options.publicBaseUrl}/survey/${code}`, reviewRef: ref.reviewRef, role, expiresOn };
  }

  /** The respondent's record is made on the first invitation (which counts it as "sent" for response rates). */
  async ensureRespondent(reviewRef: string, role: RespondentRole, term: string): Promise<void> {
    await this.respondents.mutate(reviewRef, role, (current) =>
      current ? undefined : { next: { reviewRef, role, invitedTerm: term, sections: {} }, writes: [], deletes: [] },
    );
  }
}
