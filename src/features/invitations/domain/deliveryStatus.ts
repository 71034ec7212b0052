/**
 * What became of the texts or emails sent to a family for one invitation, in the practitioner's words: sent,
 * delivered or failed, for the invitation and each reminder (GOV.UK Notify's delivery receipts say which).
 */
export type SentMessage = {
  kind: string;
  channel: 'sms' | 'email';
  state: 'claimed' | 'sending' | 'sent' | 'notSent' | 'uncertain';
  delivery?: 'delivered' | 'permanent-failure' | 'temporary-failure' | 'technical-failure';
};

function label(kind: string): string {
  const n = /^reminder-(\d+)$/.exec(kind)?.[1];
  return n ? `reminder ${n}` : 'invitation';
}

function outcome(m: SentMessage): string {
  switch (m.delivery) {
    case 'delivered':
      return 'delivered';
    case 'permanent-failure':
      return 'failed (not delivered: check the number or address)';
    case 'temporary-failure':
      return m.channel === 'sms' ? 'failed for now (phone off or out of signal)' : 'failed for now (inbox full)';
    case 'technical-failure':
      return 'failed (a problem at GOV.UK Notify)';
    case undefined:
      break;
  }
  switch (m.state) {
    case 'sent':
      return 'sent';
    case 'notSent':
      return 'not sent';
    case 'uncertain':
      return 'may not have been sent';
    case 'claimed':
    case 'sending':
      return 'sending';
  }
}

/** "By text: invitation delivered, reminder 1 sent." ('' when nothing was sent: the link was passed on by hand.) */
export function describeDelivery(messages: readonly SentMessage[], optedOut = false): string {
  if (messages.length === 0) return '';
  const by = messages[0]!.channel === 'sms' ? 'By text' : 'By email';
  const parts = [...messages].sort((a, b) => a.kind.localeCompare(b.kind)).map((m) => `${label(m.kind)} ${outcome(m)}`);
  const stopped = optedOut ? ' The family stopped reminders.' : '';
  return `${by}: ${parts.join(', ')}.${stopped}`;
}
