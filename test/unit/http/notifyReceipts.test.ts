import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { Server } from 'restify';
import type { DeliveryReceipt } from '../../../src/features/familyContacts/deliveryReceiptsService.js';
import { registerNotifyReceipts, RECEIPTS_PATH } from '../../../src/http/notifyReceipts.js';
import { createHttpServer, listen } from '../../../src/http/server.js';

const TOKEN = 'a-callback-token-of-some-length-0123';
const receipt = {
  id: '740e5834-3a29-46b4-9a6f-16142fde533a',
  reference: '2f0e1c7a-0000-4000-8000-000000000000',
  to: '07700900123',
  status: 'permanent-failure',
  created_at: '2026-12-10T10:00:00.000000Z',
  completed_at: '2026-12-10T10:00:05.000000Z',
  sent_at: '2026-12-10T10:00:01.000000Z',
  notification_type: 'sms',
  template_id: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  template_version: 1,
};

/** GOV.UK Notify's delivery receipts: its bearer token, its body, and never the recipient past the edge. */
describe('the delivery receipt endpoint', () => {
  let server: Server;
  let base: string;
  const recorded: DeliveryReceipt[] = [];

  before(async () => {
    server = createHttpServer({ localOnly: true });
    registerNotifyReceipts(server, { record: async (r) => (recorded.push(r), 'recorded') }, { token: TOKEN });
    await listen(server, 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${RECEIPTS_PATH}`;
  });
  after(() => server.close());
  beforeEach(() => (recorded.length = 0));

  const post = (body: unknown, authorization?: string) =>
    fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });

  it('records a receipt with the right token, without its recipient', async () => {
    const res = await post(receipt, `Bearer ${TOKEN}`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ outcome: 'recorded' });
    expect(recorded).to.deep.equal([
      {
        notificationId: receipt.id,
        reference: receipt.reference,
        status: 'permanent-failure',
        at: '2026-12-10T10:00:05.000Z',
      },
    ]);
    expect(JSON.stringify(recorded)).to.not.include('07700');
  });

  it('asks for the token without one, and refuses a wrong one, recording nothing', async () => {
    const none = await post(receipt);
    expect(none.status).to.equal(401);
    expect(none.headers.get('www-authenticate')).to.equal('Bearer');
    for (const wrong of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, 'Bearer ', `Basic ${TOKEN}`, TOKEN])
      expect((await post(receipt, wrong)).status, wrong).to.be.oneOf([401, 403]);
    expect(recorded).to.deep.equal([]);
  });

  const malformed: [string, unknown][] = [
    ['no status', { ...receipt, status: undefined }],
    ['a status Notify never sends', { ...receipt, status: 'sending' }],
    ['no id', { ...receipt, id: undefined }],
    ['no recipient field', { ...receipt, to: undefined }],
    ['a list', [receipt]],
    ['a string', 'delivered'],
  ];
  for (const [what, body] of malformed)
    it(`refuses a body with ${what} (400), recording nothing`, async () => {
      expect((await post(body, `Bearer ${TOKEN}`)).status).to.equal(400);
      expect(recorded).to.deep.equal([]);
    });

  it('takes a receipt without a reference (sent by someone else with the key) and says it is unknown to it', async () => {
    const res = await post({ ...receipt, reference: null, status: 'delivered' }, `Bearer ${TOKEN}`);
    expect(res.status).to.equal(200);
    expect(recorded[0]).to.deep.equal({
      notificationId: receipt.id,
      status: 'delivered',
      at: '2026-12-10T10:00:05.000Z',
    });
  });

  it('is not there at all when no token is configured', async () => {
    const bare = createHttpServer({ localOnly: true });
    await listen(bare, 0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}${RECEIPTS_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(receipt),
      });
      expect(res.status).to.equal(404);
    } finally {
      bare.close();
    }
  });
});
