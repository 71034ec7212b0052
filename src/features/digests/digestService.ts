import { addDays } from '../../domain/dates.js';
import { buildTermDigest, type TermDigest } from './domain/termDigest.js';
import { digestFiguresCsv } from './domain/digestFiguresCsv.js';
import { signDownload, verifyDownload } from './domain/downloadToken.js';
import type { SendOutcome } from './domain/sendOutcome.js';
import type { Term } from '../../domain/terms/termCalendar.js';
import type { ConversationAddress, Reply } from '../../ports/messages.js';
import type { DeliveryCounts, DigestLedger, DigestSubscriptions, ProactiveSender, Secrets } from './digestStores.js';
import type { AddressBookService } from '../addressBook/addressBookService.js';
import { readDigestInputs, type DigestSources } from './digestInputs.js';
import { deliverDigest, type DeliveryOptions } from './digestDelivery.js';
import { termDueOn } from './digestSchedule.js';

export type DeliveryReport = DeliveryCounts & { digestId: string; label: string; unreachable: number; text: string };

export type DigestServiceDeps = DigestSources & {
  /** Where subscribers can be reached: a subscription keeps its conversation's address. */
  addressBook: Pick<AddressBookService, 'rememberAddress' | 'reachable' | 'markGone'>;
  /** How a message reaches a conversation outside any turn (the channel layer). */
  sender: ProactiveSender;
  subscriptions: DigestSubscriptions;
  ledger: DigestLedger;
  secrets: Secrets;
  /** How a digest is shown (the presenter): the service decides what it says, not how it looks. */
  render: (digest: TermDigest, link: { csvUrl: string; csvExpiresOn: string }) => Reply;
  publicBaseUrl: string;
  instance: string;
  delivery?: Partial<DeliveryOptions>;
};

const LINK_DAYS = 30;
const FINISHED: ReadonlySet<string> = new Set(['sent', 'gone', 'failed', 'uncertain']);

/**
 * The termly digest: who gets it, what it says, and sending it once to each subscriber. Built from the
 * aggregates and waiting-list summaries (never answers or referrals), sent through an injected sender
 * (the channel layer), with the send ledger deciding who still needs it.
 */
export class DigestService {
  constructor(private readonly d: DigestServiceDeps) {}

  currentTerm(): Term {
    return this.d.terms.termOf(this.d.clock.today());
  }

  async subscribe(address: ConversationAddress, by: string): Promise<'subscribed' | 'already' | 'not-allowed'> {
    if (!(await this.d.addressBook.rememberAddress(address))) return 'not-allowed';
    return this.d.subscriptions.subscribe({
      conversationId: address.conversationId,
      scope: address.conversationType,
      subscribedBy: by,
      subscribedAt: this.d.clock.now().toISOString(),
    });
  }

  unsubscribe(conversationId: string): Promise<boolean> {
    return this.d.subscriptions.unsubscribe(conversationId);
  }

  /** The digest of a term as a reply (card, text, summary) with a fresh signed CSV link. */
  async build(term: Term): Promise<{ reply: Reply }> {
    const digest = buildTermDigest(await readDigestInputs(this.d, term));
    const expiresOn = addDays(this.d.clock.today(), LINK_DAYS);
    const token = signDownload(
      { term: term.id, exp: Math.floor(Date.parse(`${expiresOn}T23:59:59Z`) / 1000) },
      await this.d.secrets.get('digest-links'),
    );
    const csvUrl = `${this.d.publicBaseUrl}/api/digests/csv?token=${token}`;
    return { reply: this.d.render(digest, { csvUrl, csvExpiresOn: expiresOn }) };
  }

  /** This term so far, for the person asking. */
  preview(): Promise<{ reply: Reply }> {
    return this.build(this.currentTerm());
  }

  /** The CSV behind a signed link. */
  async csvForToken(
    token: string,
  ): Promise<{ ok: true; fileName: string; csv: string } | { ok: false; reason: 'expired' | 'invalid' }> {
    const check = verifyDownload(token, await this.d.secrets.get('digest-links'), this.d.clock.now());
    if (!check.ok) return { ok: false, reason: check.reason === 'expired' ? 'expired' : 'invalid' };
    const term = this.d.terms.byId(check.claims.term);
    if (!term) return { ok: false, reason: 'invalid' };
    const digest = buildTermDigest(await readDigestInputs(this.d, term));
    return { ok: true, fileName: `send-outcomes-digest-${term.id}.csv`, csv: digestFiguresCsv(digest) };
  }

  /** The scheduled send: the term just ended, once per subscriber (a repeat run sends nothing). */
  async runDue(): Promise<{ digestId: string; report: DeliveryReport } | { digestId: undefined; reason: string }> {
    const term = termDueOn(this.d.terms, this.d.clock.today());
    if (!term) return { digestId: undefined, reason: `No term-end digest is due on ${this.d.clock.today()}.` };
    const report = await this.deliver(`term-${term.id}`, term, `digest ${term.label}`);
    return { digestId: report.digestId, report };
  }

  /** A manager's "send the digest now": this term so far, to every subscriber, at most once a day. */
  sendNow(): Promise<DeliveryReport> {
    const term = this.currentTerm();
    return this.deliver(
      `now-${term.id}-${this.d.clock.today()}`,
      term,
      `digest ${term.label} (sent on request, ${this.d.clock.today()})`,
    );
  }

  /** True the first time a request is seen, across instances (a re-sent activity starts nothing new). */
  claimRequest(requestKey: string): Promise<boolean> {
    return this.d.ledger.claimRequest(requestKey, this.d.clock.now());
  }

  /** A message to one conversation, outside any turn (a job reporting back). */
  async tell(address: ConversationAddress, text: string): Promise<SendOutcome> {
    return this.d.sender(address, { text });
  }

  async deliveryReportText(): Promise<string> {
    const runs = await this.d.ledger.recentRuns(5);
    if (!runs.length) return 'No digest has been sent yet.';
    return [
      'Digest deliveries, most recent first:',
      ...runs.map(
        (r) => `- ${reportText(r.label, r.counts, r.unreachable)} (${r.at.slice(0, 16).replace('T', ' ')} UTC)`,
      ),
    ].join('\n');
  }

  private async deliver(digestId: string, term: Term, label: string): Promise<DeliveryReport> {
    const [subscriptions, addresses] = await Promise.all([this.d.subscriptions.list(), this.d.addressBook.reachable()]);
    const reachable = subscriptions.map((s) => addresses.get(s.conversationId)).filter((a) => a !== undefined);
    const unreachable = subscriptions.length - reachable.length;
    // Those already finished are skipped with one query, so the hourly check costs little once a digest is out.
    const finished = new Set(
      (await this.d.ledger.rows(digestId)).filter((r) => FINISHED.has(r.state)).map((r) => r.conversationId),
    );
    const byId = new Map(reachable.filter((a) => !finished.has(a.conversationId)).map((a) => [a.conversationId, a]));
    let built: Promise<{ reply: Reply }> | undefined;
    await deliverDigest({
      digestId,
      conversationIds: [...byId.keys()],
      ledger: this.d.ledger,
      instance: this.d.instance,
      options: this.d.delivery,
      // Built once, on the first send that needs it: a run with nothing left to send builds nothing.
      send: async (conversationId) =>
        this.d.sender(byId.get(conversationId)!, (await (built ??= this.build(term))).reply),
      onGone: async (conversationId, status) =>
        this.d.addressBook.markGone(conversationId, status === 403 ? 'blocked' : 'removed'),
    });
    const counts = await this.d.ledger.counts(digestId);
    await this.d.ledger.recordRun({ digestId, label, counts, unreachable, at: this.d.clock.now() });
    return { digestId, label, ...counts, unreachable, text: reportText(label, counts, unreachable) };
  }
}

/** "digest 2025-26 Autumn: sent 41, blocked 2, failed 0" (+ the rarer outcomes only when they happened). */
export function reportText(label: string, c: DeliveryCounts, unreachable: number): string {
  const parts = [`sent ${c.sent}`, `blocked ${c.blocked}`, `failed ${c.failed}`];
  if (c.removed) parts.push(`conversation gone ${c.removed}`);
  if (c.uncertain) parts.push(`interrupted mid-send (may not have arrived) ${c.uncertain}`);
  if (c.pending) parts.push(`still to send ${c.pending}`);
  if (unreachable) parts.push(`not reachable (uninstalled or blocked before) ${unreachable}`);
  return `${label}: ${parts.join(', ')}`;
}
