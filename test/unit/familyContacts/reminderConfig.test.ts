import { expect } from 'chai';
import { ConfigError, loadConfig, redactedSummary } from '../../../src/config/config.js';

const KEY = 'send_outcomes-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';
const notify = {
  NOTIFY_API_KEY: KEY,
  NOTIFY_TEMPLATE_INVITE_SMS: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  NOTIFY_TEMPLATE_INVITE_EMAIL: '0b2b7b1e-4f0e-4b6a-9c6e-8a2d3c1f5e70',
  CONTACT_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
};
const reminders = {
  NOTIFY_TEMPLATE_REMINDER_SMS: '6a1f0a0e-3b7c-4d2e-9f10-2b3c4d5e6f70',
  NOTIFY_TEMPLATE_REMINDER_EMAIL: '7b2e1b1f-4c8d-4e3f-8a21-3c4d5e6f7081',
};

function refused(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

describe('reminder settings', () => {
  it('are off without the reminder templates, and the start-up summary says how to turn them on', () => {
    const config = loadConfig(notify);
    expect(config.notify?.reminders).to.equal(undefined);
    expect(JSON.stringify(redactedSummary(config, {}))).to.include(
      'off (set NOTIFY_TEMPLATE_REMINDER_SMS and NOTIFY_TEMPLATE_REMINDER_EMAIL to send them)',
    );
  });

  it('remind on days 3 and 7 with both templates, or on the days REMINDER_DAYS names', () => {
    expect(loadConfig({ ...notify, ...reminders }).notify?.reminders).to.deep.equal({
      days: [3, 7],
      sms: reminders.NOTIFY_TEMPLATE_REMINDER_SMS,
      email: reminders.NOTIFY_TEMPLATE_REMINDER_EMAIL,
    });
    expect(loadConfig({ ...notify, ...reminders, REMINDER_DAYS: ' 4 , 10 ' }).notify?.reminders?.days).to.deep.equal([
      4, 10,
    ]);
    expect(loadConfig({ ...notify, ...reminders, REMINDER_DAYS: '5' }).notify?.reminders?.days).to.deep.equal([5]);
    expect(loadConfig({ ...notify, ...reminders, REMINDER_DAYS: 'none' }).notify?.reminders).to.equal(undefined);
    expect(JSON.stringify(redactedSummary(loadConfig({ ...notify, ...reminders }), {}))).to.include(
      'days 3 and 7 after the invitation, 09:00-19:00 Monday to Friday (Europe/London)',
    );
  });

  const wrong: [string, Record<string, string>, RegExp][] = [
    ['three reminders', { REMINDER_DAYS: '2,4,6' }, /REMINDER_DAYS: must be at most two .*reminded at most twice/],
    ['days out of order', { REMINDER_DAYS: '7,3' }, /REMINDER_DAYS: must be at most two whole days .* e\.g\. 3,7/],
    ['the same day twice', { REMINDER_DAYS: '3,3' }, /REMINDER_DAYS: must be/],
    ['day 0', { REMINDER_DAYS: '0' }, /REMINDER_DAYS: must be/],
    ['words', { REMINDER_DAYS: 'monday' }, /REMINDER_DAYS: must be/],
    ['half a day', { REMINDER_DAYS: '3.5' }, /REMINDER_DAYS: must be/],
    [
      'a day after the invitation expires',
      { REMINDER_DAYS: '3,30', INVITATION_TTL_DAYS: '28' },
      /REMINDER_DAYS: has day 30, but an invitation expires after 28 days/,
    ],
    [
      'only the text template',
      { NOTIFY_TEMPLATE_REMINDER_SMS: reminders.NOTIFY_TEMPLATE_REMINDER_SMS },
      /NOTIFY_TEMPLATE_REMINDER_EMAIL: is required when NOTIFY_TEMPLATE_REMINDER_SMS is set/,
    ],
    [
      'reminder days without reminder templates',
      { REMINDER_DAYS: '3,7' },
      /REMINDER_DAYS: is set but NOTIFY_TEMPLATE_REMINDER_SMS and NOTIFY_TEMPLATE_REMINDER_EMAIL are not/,
    ],
  ];
  for (const [what, env, message] of wrong)
    it(`refuse to start with ${what}, naming the setting`, () =>
      expect(refused({ ...notify, ...(what.includes('template') ? {} : reminders), ...env })).to.match(message));

  it('refuse reminder days without a Notify key', () => {
    expect(refused({ REMINDER_DAYS: '3,7' })).to.match(/REMINDER_DAYS: is set but NOTIFY_API_KEY is not/);
  });

  it('take delivery receipts only with a callback token of some length, and only with a key', () => {
    const token = 'a-callback-token-0123456789';
    expect(loadConfig({ ...notify, NOTIFY_CALLBACK_TOKEN: token }).notify?.callbackToken).to.equal(token);
    expect(loadConfig(notify).notify?.callbackToken).to.equal(undefined);
    expect(JSON.stringify(redactedSummary(loadConfig(notify), {}))).to.include(
      'off: no receipts route (set NOTIFY_CALLBACK_TOKEN)',
    );
    const summary = JSON.stringify(redactedSummary(loadConfig({ ...notify, NOTIFY_CALLBACK_TOKEN: token }), {}));
    expect(summary).to.include('[token set: POST /api/notify/receipts]').and.not.include(token);
    expect(refused({ ...notify, NOTIFY_CALLBACK_TOKEN: 'short' })).to.match(
      /NOTIFY_CALLBACK_TOKEN: must be 16 to 200 characters without spaces/,
    );
    expect(refused({ NOTIFY_CALLBACK_TOKEN: token })).to.match(
      /NOTIFY_CALLBACK_TOKEN: is set but NOTIFY_API_KEY is not/,
    );
  });
});
