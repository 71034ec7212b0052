import type { Clock } from '../../domain/clock.js';
import { REFERRAL_COLUMNS, referralKey, validateReferralRow, type Referral } from './domain/referral.js';
import type { WaitsService } from './waitsService.js';
import type { ReferralStore, WaitSummaryStore } from './waitsStores.js';
import { readCsv, writeRejects, type RowError } from '../../imports/csvRows.js';

export type ReferralsImportProgress = { phase: 'validating' | 'writing'; done: number; total?: number };
export type ReferralsImportReport = {
  rows: number;
  invalid: RowError[];
  imported: boolean;
  /** Per service: rows in the file, new referrals, changed ones, ones already stored exactly so. */
  services: { id: string; rows: number; added: number; changed: number; unchanged: number; referralsStored: number }[];
  /** Rows repeating an earlier row of the file exactly (kept once). */
  repeatedRows: number;
  rejectsFile?: string;
};

type Valid = { line: number; referral: Referral };

/**
 * Imports a waiting-list extract (SPEC.md columns). Every row is checked before anything is written;
 * nothing is written if any row is invalid unless skipInvalid. A referral id already stored is replaced,
 * never duplicated, and only new or changed referrals are written. Then each service's summary is rebuilt
 * so questions see the new figures.
 */
export class ReferralsImport {
  constructor(
    private readonly clock: Clock,
    private readonly waits: WaitsService,
    private readonly referrals: ReferralStore,
    private readonly summaries: WaitSummaryStore,
  ) {}

  async run(
    file: string,
    opts: { skipInvalid?: boolean; keepRejects?: boolean; onProgress?: (p: ReferralsImportProgress) => void } = {},
  ): Promise<ReferralsImportReport> {
    const ctx = { today: this.clock.today(), serviceIds: new Set(this.waits.catalogue.map((s) => s.id)) };
    const invalid: RowError[] = [];
    const byId = new Map<string, Valid>();
    let rows = 0;
    let repeatedRows = 0;
    for await (const { line, values } of readCsv(file, REFERRAL_COLUMNS)) {
      rows++;
      const checked = validateReferralRow(values, ctx);
      if (!checked.ok) invalid.push({ line, errors: checked.errors, values });
      else {
        const key = referralKey(checked.referral);
        const earlier = byId.get(key);
        if (!earlier) byId.set(key, { line, referral: checked.referral });
        else if (sameReferral(earlier.referral, checked.referral)) repeatedRows++;
        else
          invalid.push({
            line,
            errors: [
              `referral ${checked.referral.referralId} (${checked.referral.service}) is already on line ${earlier.line} with different dates`,
            ],
            values,
          });
      }
      if (rows % 5000 === 0) opts.onProgress?.({ phase: 'validating', done: rows });
    }
    invalid.sort((a, b) => a.line - b.line);
    const report: ReferralsImportReport = { rows, invalid, imported: false, services: [], repeatedRows };
    if (invalid.length > 0) {
      if (opts.keepRejects !== false) report.rejectsFile = await writeRejects(file, REFERRAL_COLUMNS, invalid);
      if (!opts.skipInvalid) return report;
    }

    const byService = new Map<string, Referral[]>();
    for (const { referral } of byId.values()) {
      const list = byService.get(referral.service) ?? [];
      list.push(referral);
      byService.set(referral.service, list);
    }
    const plans = await Promise.all([...byService].map(async ([id, incoming]) => this.plan(id, incoming)));
    const total = plans.reduce((sum, p) => sum + p.toWrite.length, 0);
    let written = 0;
    opts.onProgress?.({ phase: 'writing', done: 0, total });
    for (const p of plans) {
      await this.referrals.replaceAll(p.id, p.toWrite, (n) =>
        opts.onProgress?.({ phase: 'writing', done: (written += n), total }),
      );
      // After the writes, so a summary built from this generation on has read them (see the repository).
      await this.summaries.bumpGeneration(p.id);
      const rebuilt = await this.waits.rebuildSummary(this.waits.find(p.id)!);
      report.services.push({
        id: p.id,
        rows: p.rows,
        added: p.added,
        changed: p.toWrite.length - p.added,
        unchanged: p.rows - p.toWrite.length,
        referralsStored: rebuilt.referrals,
      });
    }
    report.imported = true;
    return report;
  }

  private async plan(id: string, incoming: Referral[]) {
    const stored = new Map((await this.referrals.listService(id)).map((r) => [r.referralId, r]));
    const toWrite = incoming.filter((r) => {
      const old = stored.get(r.referralId);
      return !old || !sameReferral(old, r);
    });
    const added = toWrite.filter((r) => !stored.has(r.referralId)).length;
    return { id, rows: incoming.length, toWrite, added };
  }
}

function sameReferral(a: Referral, b: Referral): boolean {
  return (
    a.referredOn === b.referredOn &&
    a.triagedOn === b.triagedOn &&
    a.firstSeenOn === b.firstSeenOn &&
    a.closedOn === b.closedOn
  );
}
