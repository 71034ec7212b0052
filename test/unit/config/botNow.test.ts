import { expect } from 'chai';
import { ConfigError, loadConfig, redactedSummary } from '../../../src/config/config.js';
import { systemClock } from '../../../src/domain/clock.js';

function refused(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

/** BOT_NOW fixes the clock, as BOT_TODAY fixes the date, so demos and tests can be at a given hour. */
describe('BOT_NOW', () => {
  it('is read as an ISO date-time with its zone, and shown in the start-up summary', () => {
    const config = loadConfig({ BOT_NOW: '2026-12-10T10:00:00Z' });
    expect(config.botNow).to.equal('2026-12-10T10:00:00Z');
    expect(redactedSummary(config, {})).to.include({
      botNow: '2026-12-10T10:00:00Z, running on',
      botToday: 'from BOT_NOW',
    });
    expect(redactedSummary(loadConfig({}), {})).to.include({ botNow: 'real time', botToday: 'real date' });
    for (const ok of ['2026-12-10T10:00Z', '2026-06-10T10:00:00+01:00', '2026-12-10T10:00:00.250Z'])
      expect(refused({ BOT_NOW: ok }), ok).to.equal('');
  });

  const malformed = [
    '2026-12-10', // a date alone: that is BOT_TODAY
    '2026-12-10T10:00:00', // no zone: a different hour on each machine
    '2026-02-30T10:00:00Z', // no such day
    '2026-12-10T25:00:00Z',
    '10 December 2026 10:00',
    'now',
  ];
  for (const value of malformed)
    it(`refuses ${JSON.stringify(value)}, naming the setting and showing the form`, () => {
      const message = refused({ BOT_NOW: value });
      expect(message).to.match(/BOT_NOW: must be an ISO date-time with its zone, e\.g\. 2026-12-10T10:00:00Z/);
      expect(message).to.include('fixes the clock for demos and tests');
    });

  it('refuses BOT_TODAY beside it unless both name the same UTC day', () => {
    expect(refused({ BOT_NOW: '2026-12-10T10:00:00Z', BOT_TODAY: '2026-12-10' })).to.equal('');
    expect(refused({ BOT_NOW: '2026-12-10T10:00:00Z', BOT_TODAY: '2026-12-09' })).to.match(
      /BOT_TODAY: is 2026-12-09 but BOT_NOW \(2026-12-10T10:00:00Z\) is on 2026-12-10 \(UTC\): set only BOT_NOW/,
    );
    // 00:30 in a zone an hour ahead is still the day before in UTC, the product's "today".
    expect(refused({ BOT_NOW: '2026-12-10T00:30:00+01:00', BOT_TODAY: '2026-12-10' })).to.match(
      /BOT_TODAY: .*is on 2026-12-09 \(UTC\)/,
    );
  });

  it('starts the clock at that instant and lets it run on; "today" follows it over midnight', () => {
    let real = Date.parse('2030-01-01T00:00:00Z');
    const clock = systemClock(undefined, '2026-12-10T23:59:30Z', () => real);
    expect(clock.now().toISOString()).to.equal('2026-12-10T23:59:30.000Z');
    expect(clock.today()).to.equal('2026-12-10');
    real += 45_000;
    expect(clock.now().toISOString()).to.equal('2026-12-11T00:00:15.000Z');
    expect(clock.today()).to.equal('2026-12-11');
  });

  it('wins over BOT_TODAY when both are given (they agree: configuration checked it)', () => {
    const clock = systemClock('2026-12-10', '2026-12-10T10:00:00Z', () => 0);
    expect(clock.now().toISOString()).to.equal('2026-12-10T10:00:00.000Z');
  });

  it('reaches the product: the composed clock starts at BOT_NOW', async () => {
    const { composeServices } = await import('../../../src/composeServices.js');
    const config = loadConfig({
      BOT_NOW: '2026-12-12T20:00:00Z',
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    });
    const { clock } = composeServices(config, { target: 'UseDevelopmentStorage=true' });
    expect(Math.abs(clock.now().getTime() - Date.parse('2026-12-12T20:00:00Z'))).to.be.lessThan(5_000);
    expect(clock.today()).to.equal('2026-12-12');
  });
});
