import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { DeliveryReceipt, ReceiptOutcome } from '../features/familyContacts/deliveryReceiptsService.js';

/** Where GOV.UK Notify is told to send delivery receipts (its "callback URL" for the service). */
export const RECEIPTS_PATH = '/api/notify/receipts';

/**
 * Notify's delivery receipt callback, as it documents it. `to` (the recipient) is checked to be there but
 * never read past this file: it is not stored, logged or passed on.
 */
const receipt = z.looseObject({
  id: z.string().min(1).max(100),
  reference: z.string().max(1000).nullable().optional(),
  to: z.string().max(1000),
  status: z.enum(['delivered', 'permanent-failure', 'temporary-failure', 'technical-failure']),
  created_at: z.string().max(40),
  completed_at: z.string().max(40).nullable().optional(),
  sent_at: z.string().max(40).nullable().optional(),
  notification_type: z.enum(['sms', 'email', 'letter']),
});

/**
 * POST /api/notify/receipts: GOV.UK Notify's delivery receipts, sent with `Authorization: Bearer <token>` (the
 * token set for the callback in Notify, NOTIFY_CALLBACK_TOKEN here). Registered only when the token is set:
 * without it there is no such route. The token is compared in constant time; the body is checked before use.
 */
export function registerNotifyReceipts(
  server: Server,
  receipts: { record(receipt: DeliveryReceipt): Promise<ReceiptOutcome> },
  opts: { token: string },
): void {
  server.post(RECEIPTS_PATH, async (req: Request, res: Response): Promise<void> => {
    const presented = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!presented) {
      res.header('www-authenticate', 'Bearer');
      res.send(401, { message: 'Send the callback token as "Authorization: Bearer <token>".' });
      return;
    }
    if (!sameSecret(presented.trim(), opts.token)) {
      res.send(403, { message: 'The callback token is not right.' });
      return;
    }
    const parsed = receipt.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, { message: 'Send a GOV.UK Notify delivery receipt (id, reference, to, status, created_at, …).' });
      return;
    }
    const { id, reference, status, completed_at } = parsed.data;
    const outcome = await receipts.record({
      notificationId: id,
      ...(reference ? { reference } : {}),
      status,
      ...(completed_at && !Number.isNaN(Date.parse(completed_at)) ? { at: new Date(completed_at).toISOString() } : {}),
    });
    // A receipt for a message this bot does not know is still answered 200: Notify would otherwise retry it.
    res.send(200, { outcome });
  });
}

/** Compares digests of both, so neither the length nor the content leaks through timing. */
function sameSecret(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
