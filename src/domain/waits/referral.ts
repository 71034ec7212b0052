/** One referral from a service's waiting-list extract (ISO dates; later events may be missing). */
export type Referral = {
  referralId: string;
  service: string;
  referredOn: string;
  triagedOn?: string;
  firstSeenOn?: string;
  closedOn?: string;
};
