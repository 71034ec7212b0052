import { expect } from 'chai';
import type { NotifyMessage } from '../../../src/features/familyContacts/familyContactsStores.js';
import { notifyAttempt } from '../../../src/features/familyContacts/notifySender.js';
import { FAKE_NOTIFY_KEY, FakeNotify } from '../../support/fakeNotify.js';

const message: NotifyMessage = {
  channel: 'sms',
  to: '07700900123',
  templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  personalisation: { link: 'https://x.test/survey/A', code: 'ABCD-EFGH-22', expires: '1 January 2027', area: 'Here' },
  reference: '2f0e1c7a-0000-4000-8000-000000000000',
};

/** The local fake answers as GOV.UK Notify does, so one attempt through the official client reads it right. */
describe('the fake GOV.UK Notify, through one attempt of the official client', () => {
  let notify: FakeNotify;
  before(async () => (notify = await FakeNotify.start({ perMinute: 5 })));
  after(async () => notify.stop());
  beforeEach(() => notify.reset());
  const attempt = (m: Partial<NotifyMessage> = {}) =>
    notifyAttempt({ apiKey: FAKE_NOTIFY_KEY, baseUrl: notify.baseUrl })({ ...message, ...m });

  it('refuses what Notify refuses, with the error names the client is read by', async () => {
    expect(await attempt({ to: '01632 960000' })).to.deep.equal({ kind: 'refused', why: 'recipient' });
    expect(await attempt({ templateId: 'invite' })).to.deep.equal({ kind: 'refused', why: 'setup' });
    const missing = { ...message.personalisation } as Record<string, string>;
    delete missing.area;
    expect(await attempt({ personalisation: missing as NotifyMessage['personalisation'] })).to.deep.equal({
      kind: 'refused',
      why: 'setup',
    });
    expect(notify.received.map((r) => r.status)).to.deep.equal([400, 400, 400]);
  });

  it('limits requests in any 60 seconds and answers 429 with no Retry-After, as Notify does', async () => {
    const outcomes = [];
    for (let i = 0; i < 7; i++) outcomes.push((await attempt()).kind);
    expect(outcomes).to.deep.equal(['sent', 'sent', 'sent', 'sent', 'sent', 'throttled', 'throttled']);
    expect(await attempt()).to.deep.equal({ kind: 'throttled' });
    expect(notify.throttled).to.have.length(3);
  });

  it('answers queued 500s as a transient failure and gives the notification an id', async () => {
    notify.failNext(500);
    expect(await attempt()).to.deep.equal({ kind: 'transient', status: 500 });
    const sent = await attempt();
    expect(sent.kind).to.equal('sent');
    expect(notify.sent[0]!.id).to.equal(sent.kind === 'sent' ? sent.notificationId : '');
  });
});
