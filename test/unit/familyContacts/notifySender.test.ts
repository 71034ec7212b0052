import { expect } from 'chai';
import { notifySender } from '../../../src/features/familyContacts/notifySender.js';
import type { NotifyMessage } from '../../../src/features/familyContacts/familyContactsStores.js';
import { scrubText } from '../../../src/telemetry/scrub.js';
import { checkToken, FAKE_NOTIFY_KEY, FakeNotify } from '../../support/fakeNotify.js';

const message: NotifyMessage = {
  channel: 'sms',
  to: '07700900123',
  templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  personalisation: {
    link: 'https://x.test/survey/ABCD',
    code: 'ABCD-EFGH-22',
    expires: '1 January 2027',
    area: 'Northshire',
  },
  reference: '2f0e1c7a-0000-4000-8000-000000000000',
};

/** The official client against the local fake of Notify: retries, final answers, and its JWT checked. */
describe('sending through GOV.UK Notify’s official client (local fake)', () => {
  let notify: FakeNotify;
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  const send = () =>
    notifySender(
      { apiKey: FAKE_NOTIFY_KEY, baseUrl: notify.baseUrl },
      { delaysMs: [10, 20, 40], timeoutMs: 5_000, sleep },
    )(message);

  before(async () => (notify = await FakeNotify.start()));
  after(async () => notify.stop());
  beforeEach(() => {
    notify.reset();
    waits.length = 0;
  });

  it('sends once, with a token the fake accepts (HS256, iss = the service id, iat now)', async () => {
    expect((await send()).kind).to.equal('sent');
    expect(notify.received).to.have.length(1);
    expect(notify.received[0]!.authProblem).to.equal(undefined);
    expect(notify.received[0]!.body.personalisation).to.deep.equal(message.personalisation);
  });

  it('retries 429 and 5xx with growing waits, and stops after the last', async () => {
    notify.failNext(429, 503);
    expect((await send()).kind).to.equal('sent');
    expect(waits).to.deep.equal([10, 20]);
    notify.reset();
    waits.length = 0;
    notify.failNext(500, 500, 500, 500, 500);
    expect(await send()).to.deep.equal({ kind: 'unavailable' });
    expect(notify.received).to.have.length(4);
    expect(waits).to.deep.equal([10, 20, 40]);
  });

  it('does not retry 400 or 403, and says which it was', async () => {
    notify.failNext(400);
    expect(await send()).to.deep.equal({ kind: 'refused', why: 'recipient' });
    notify.failNext(403);
    expect(await send()).to.deep.equal({ kind: 'notAuthorised' });
    expect(notify.received).to.have.length(2);
  });

  it('is refused by the fake with another service’s key', async () => {
    const other = FAKE_NOTIFY_KEY.replace(
      /[0-9a-f]{8}(?=-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)/,
      '00000000',
    );
    const outcome = await notifySender(
      { apiKey: other, baseUrl: notify.baseUrl },
      { delaysMs: [], timeoutMs: 5_000 },
    )(message);
    expect(outcome).to.deep.equal({ kind: 'notAuthorised' });
    expect(notify.received[0]!.authProblem).to.match(/signature/);
  });

  it('the fake refuses a token older than 30 seconds, or none', () => {
    expect(checkToken(undefined)).to.match(/must be provided/);
    const h = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    expect(checkToken(`Bearer ${h}.e30.x`)).to.match(/HS256/);
  });
});

describe('telemetry scrubbing of families’ contacts', () => {
  it('replaces phone numbers and emails in free text', () => {
    expect(scrubText('failed for 07700 900123 and +44 7700 900123')).to.equal('failed for [phone] and [phone]');
    expect(scrubText('sent to Jo.Bloggs@example.org today')).to.equal('sent to [email] today');
  });
});
