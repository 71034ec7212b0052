/** How one digest's deliveries stand, from its send-ledger rows. */
export type DeliveryCounts = {
  sent: number;
  blocked: number;
  removed: number;
  failed: number;
  uncertain: number;
  pending: number;
};

/** Counts ledger rows by outcome: a gone conversation is "removed" on a 404 and "blocked" otherwise (403). */
export function countDeliveries(rows: Iterable<{ state: string; status?: number }>): DeliveryCounts {
  const counts: DeliveryCounts = { sent: 0, blocked: 0, removed: 0, failed: 0, uncertain: 0, pending: 0 };
  for (const r of rows) {
    if (r.state === 'sent') counts.sent++;
    else if (r.state === 'gone') r.status === 404 ? counts.removed++ : counts.blocked++;
    else if (r.state === 'failed') counts.failed++;
    else if (r.state === 'uncertain') counts.uncertain++;
    else counts.pending++;
  }
  return counts;
}
