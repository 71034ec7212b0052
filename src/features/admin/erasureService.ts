import type { WorryAlertStore } from '../worries/worryStores.js';
import type { FamilyContactsService } from '../familyContacts/familyContactsService.js';
import { RESPONDENT_ROLES, type RespondentRole } from '../../domain/survey/questionBank.js';
import type { InvitationStore, RespondentRecords } from '../survey/surveyStores.js';

export type ErasureReport = {
  reviewRef: string;
  respondents: number;
  answers: number;
  invitations: number;
  /** Worry alerts (which hold the family's words) removed with the answers. */
  alerts: number;
  /** Families' phone numbers and emails held to send their invitations. */
  contacts: number;
};

/**
 * Deletes everything held for one review: every answer, each respondent's record and every invitation.
 * Aggregates are corrected by the same operation that removes the answers.
 */
export class ErasureService {
  constructor(
    private readonly respondents: RespondentRecords,
    private readonly invitations: InvitationStore,
    private readonly alerts?: Pick<WorryAlertStore, 'eraseReview'>,
    private readonly contacts?: Pick<FamilyContactsService, 'forgetReview'>,
  ) {}

  async erase(reviewRef: string): Promise<ErasureReport> {
    const report: ErasureReport = { reviewRef, respondents: 0, answers: 0, invitations: 0, alerts: 0, contacts: 0 };
    // The family's number or address first: it is the most personal thing held, and needs nothing else.
    report.contacts = (await this.contacts?.forgetReview(reviewRef)) ?? 0;
    // This year's record and every earlier year's archived one (`AR-1042@2025-26`).
    const records = [reviewRef, ...(await this.respondents.archivedRefs(reviewRef))];
    for (const ref of records) for (const role of RESPONDENT_ROLES) await this.eraseRespondent(ref, role, report);
    for (const invitation of await this.invitations.forReview(reviewRef)) {
      await this.invitations.delete(invitation.code);
      report.invitations++;
    }
    // An alert quotes what the family wrote: it goes with their answers. (Who viewed the review stays: it
    // records what staff did, under the pseudonymous reference only.)
    report.alerts = (await this.alerts?.eraseReview(reviewRef)) ?? 0;
    return report;
  }

  private async eraseRespondent(reviewRef: string, role: RespondentRole, report: ErasureReport): Promise<void> {
    const rows = await this.respondents.answerRows(reviewRef, role);
    const result = await this.respondents.mutate(reviewRef, role, (current) =>
      current ? { next: undefined, writes: [], deletes: rows.map((r) => r.questionId) } : undefined,
    );
    if (result.changed) {
      report.respondents++;
      report.answers += rows.length;
    } else if (rows.length > 0) {
      // Answer rows without a respondent record should not exist; remove them all the same.
      report.answers += await this.respondents.deleteStrayAnswers(reviewRef, role);
    }
  }
}
