import { FAKE_NOTIFY_KEY, type FakeNotify } from './fakeNotify.js';

/** The GOV.UK Notify settings of a bot sending through the local fake, with reminders and delivery receipts on. */
export const TEMPLATES = {
  NOTIFY_TEMPLATE_INVITE_SMS: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  NOTIFY_TEMPLATE_INVITE_EMAIL: '0b2b7b1e-4f0e-4b6a-9c6e-8a2d3c1f5e70',
  NOTIFY_TEMPLATE_REMINDER_SMS: '6a1f0a0e-3b7c-4d2e-9f10-2b3c4d5e6f70',
  NOTIFY_TEMPLATE_REMINDER_EMAIL: '7b2e1b1f-4c8d-4e3f-8a21-3c4d5e6f7081',
};
export const CONTACT_KEY = Buffer.alloc(32, 7).toString('base64');
export const CALLBACK_TOKEN = 'notify-callback-token-for-tests-0001';

export function notifyEnv(notify: FakeNotify, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NOTIFY_API_KEY: FAKE_NOTIFY_KEY,
    NOTIFY_BASE_URL: notify.baseUrl,
    CONTACT_ENCRYPTION_KEY: CONTACT_KEY,
    NOTIFY_CALLBACK_TOKEN: CALLBACK_TOKEN,
    ...TEMPLATES,
    ...extra,
  };
}
