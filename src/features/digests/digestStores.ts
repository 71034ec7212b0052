import type { Secrets } from '../../ports/secrets.js';
import type { DeliveryCounts } from './domain/deliveryCounts.js';
import type { SendOutcome } from './domain/sendOutcome.js';

export type { DeliveryCounts, Secrets };
import type { ConversationAddress, ConversationType, Reply } from '../../ports/messages.js';

/** The storage and the sending behind the termly digest (where conversations are reached: the address book). */

export type Subscription = {
  conversationId: string;
  scope: ConversationType;
  subscribedBy: string;
  subscribedAt: string;
};

export interface DigestSubscriptions {
  subscribe(s: Subscription): Promise<'subscribed' | 'already'>;
  unsubscribe(conversationId: string): Promise<boolean>;
  list(): Promise<Subscription[]>;
}

export type LedgerState = 'claimed' | 'sending' | 'sent' | 'gone' | 'failed' | 'uncertain';
export type LedgerRow = {
  digestId: string;
  conversationId: string;
  state: LedgerState;
  instance: string;
  leaseUntil: string;
  attempts: number;
  status?: number;
  detail?: string;
  updatedAt: string;
};
/** The right to send one digest to one conversation, held by one instance until its lease ends. */
export type Claim = { conversationId: string; etag: string; attempts: number };
export type DeliveryRun = { digestId: string; label: string; counts: DeliveryCounts; unreachable: number; at: string };

/** Who has been sent which digest: claimed before sending, so nobody gets one twice across instances. */
export interface DigestLedger {
  claim(digestId: string, conversationId: string, instance: string, now: Date): Promise<Claim | undefined>;
  move(
    digestId: string,
    claim: Claim,
    state: Exclude<LedgerState, 'uncertain'>,
    now: Date,
    extra?: { status?: number; detail?: string; attempt?: boolean },
  ): Promise<Claim>;
  rows(digestId: string): Promise<LedgerRow[]>;
  counts(digestId: string): Promise<DeliveryCounts>;
  /** True the first time a request key is seen, across instances. */
  claimRequest(requestKey: string, at: Date): Promise<boolean>;
  recordRun(run: {
    digestId: string;
    label: string;
    counts: DeliveryCounts;
    unreachable: number;
    at: Date;
  }): Promise<void>;
  recentRuns(limit: number): Promise<DeliveryRun[]>;
}

/** Sends a message into a conversation outside any turn with it (the channel layer provides this). */
export type ProactiveSender = (address: ConversationAddress, reply: Reply) => Promise<SendOutcome>;
