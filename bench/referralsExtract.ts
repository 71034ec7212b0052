import { writeFileSync } from 'node:fs';
import { addDays } from '../src/domain/dates.js';
import { referralsToCsv } from '../src/features/waits/domain/demoExtracts.js';
import { seededRandom } from '../src/domain/random/seededRandom.js';
import type { Referral } from '../src/features/waits/domain/referral.js';

/**
 * A large synthetic extract for the benchmark: `count` referrals spread over the services and three
 * years before `today`, about a third still waiting, with triage, seen and closed dates. Deterministic.
 */
export function writeLargeExtract(file: string, count: number, serviceIds: readonly string[], today: string): void {
  const random = seededRandom(42);
  const referrals: Referral[] = [];
  for (let i = 0; i < count; i++) {
    const service = serviceIds[i % serviceIds.length];
    const age = Math.floor(random() * 3 * 365);
    const referredOn = addDays(today, -age);
    const r: Referral = { referralId: `B-${String(i).padStart(7, '0')}`, service, referredOn };
    const triage = Math.floor(random() * 30);
    if (triage <= age) r.triagedOn = addDays(referredOn, triage);
    const seen = Math.floor(random() * random() * 500);
    if (seen <= age && random() < 0.9) r.firstSeenOn = addDays(referredOn, seen);
    else if (random() < 0.1 && seen / 2 <= age) r.closedOn = addDays(referredOn, Math.floor(seen / 2));
    referrals.push(r);
  }
  writeFileSync(file, referralsToCsv(referrals));
}
