import { expect } from 'chai';
import {
  isSendingTime,
  londonTime,
  nextSendingTime,
  nineOn,
  workingDaysBefore,
} from '../../../src/features/familyContacts/domain/sendingHours.js';
import { reminderDecision, type ReminderCheck } from '../../../src/features/familyContacts/domain/reminderPlan.js';

const at = (iso: string) => new Date(iso);

describe('sending hours: 09:00-19:00 Monday to Friday, Europe/London', () => {
  const cases: [string, boolean, string][] = [
    // [instant, may send, why]
    ['2026-12-10T10:00:00Z', true, 'a Thursday morning in winter (GMT)'],
    ['2026-12-10T08:59:59Z', false, 'a second before nine'],
    ['2026-12-10T09:00:00Z', true, 'nine exactly'],
    ['2026-12-10T18:59:59Z', true, 'the last second before seven'],
    ['2026-12-10T19:00:00Z', false, 'seven exactly'],
    ['2026-12-10T20:00:00Z', false, 'eight in the evening'],
    ['2026-12-12T10:00:00Z', false, 'a Saturday'],
    ['2026-12-13T10:00:00Z', false, 'a Sunday'],
    ['2027-06-10T08:30:00Z', true, '09:30 in summer time (BST is UTC+1)'],
    ['2027-06-10T18:30:00Z', false, '19:30 in summer time'],
    ['2027-06-10T07:59:00Z', false, '08:59 in summer time'],
    ['2027-03-29T08:00:00Z', true, 'the Monday after the clocks go forward, 09:00 BST'],
  ];
  for (const [instant, ok, why] of cases)
    it(`${ok ? 'sends' : 'does not send'} at ${instant}: ${why}`, () =>
      expect(isSendingTime(at(instant))).to.equal(ok));

  it('waits for the next working morning, across weekends and clock changes', () => {
    const next = (iso: string) => nextSendingTime(at(iso)).toISOString();
    expect(next('2026-12-10T10:00:00Z')).to.equal('2026-12-10T10:00:00.000Z'); // now is fine
    expect(next('2026-12-10T20:00:00Z')).to.equal('2026-12-11T09:00:00.000Z'); // Thursday 20:00 → Friday 09:00
    expect(next('2026-12-11T19:00:00Z')).to.equal('2026-12-14T09:00:00.000Z'); // Friday 19:00 → Monday
    expect(next('2026-12-12T10:00:00Z')).to.equal('2026-12-14T09:00:00.000Z'); // Saturday → Monday
    expect(next('2027-03-27T12:00:00Z')).to.equal('2027-03-29T08:00:00.000Z'); // into summer time: 09:00 BST
    expect(next('2027-10-30T12:00:00Z')).to.equal('2027-11-01T09:00:00.000Z'); // back to GMT
  });

  it("reads London's date and time of day, and counts working days", () => {
    expect(londonTime(at('2027-06-10T23:30:00Z'))).to.deep.equal({
      date: '2027-06-11',
      weekday: 5,
      hour: 0,
      minute: 30,
    });
    expect(nineOn('2027-06-11').toISOString()).to.equal('2027-06-11T08:00:00.000Z');
    expect(nineOn('2027-01-12').toISOString()).to.equal('2027-01-12T09:00:00.000Z');
    expect(workingDaysBefore('2027-01-14', 2)).to.equal('2027-01-12'); // Thursday → Tuesday
    expect(workingDaysBefore('2027-01-11', 2)).to.equal('2027-01-07'); // Monday → Thursday before
    expect(workingDaysBefore('2027-01-12', 2)).to.equal('2027-01-08'); // Tuesday → Friday before
  });
});

describe('which reminder goes, and when', () => {
  // Sent on Thursday 10 December 2026 at 10:00: day 3 is Sunday 13th, day 7 is Thursday 17th.
  const base: ReminderCheck = {
    now: at('2026-12-10T10:00:00Z'),
    invitedAt: '2026-12-10T10:00:00.000Z',
    days: [3, 7],
    today: '2026-12-10',
    expiresOn: '2027-02-08',
    completed: false,
    replaced: false,
  };
  const decide = (now: string, over: Partial<ReminderCheck> = {}) =>
    reminderDecision({ ...base, now: at(now), today: now.slice(0, 10), ...over });

  it('waits until the first reminder is due', () => {
    expect(decide('2026-12-11T10:00:00Z')).to.deep.equal({ kind: 'wait', nextAt: '2026-12-13T10:00:00.000Z' });
  });

  it('holds a reminder due on a Sunday until Monday 09:00, then sends the first', () => {
    expect(decide('2026-12-13T10:00:00Z')).to.deep.equal({ kind: 'wait', nextAt: '2026-12-14T09:00:00.000Z' });
    expect(decide('2026-12-14T09:00:30Z')).to.deep.equal({
      kind: 'send',
      reminder: 1,
      nextAt: '2026-12-17T10:00:00.000Z',
    });
  });

  it('sends the second on day 7, and then has none to come', () => {
    expect(decide('2026-12-17T10:00:30Z')).to.deep.equal({ kind: 'send', reminder: 2 });
  });

  it('sends only the later one when both are due (the bot was stopped): never two at once', () => {
    expect(decide('2026-12-18T11:00:00Z')).to.deep.equal({ kind: 'send', reminder: 2 });
  });

  const stops: [string, Partial<ReminderCheck>, string][] = [
    ['the survey is completed', { completed: true }, 'completed'],
    ['the invitation was replaced', { replaced: true }, 'replaced'],
    ['the invitation has expired', { expiresOn: '2026-12-13' }, 'expired'],
    ['the review meeting is today', { meetingOn: '2026-12-14' }, 'meeting'],
    ['the review meeting has passed', { meetingOn: '2026-12-11' }, 'meeting'],
  ];
  for (const [what, over, why] of stops)
    it(`stops when ${what}`, () => expect(decide('2026-12-14T09:00:30Z', over)).to.deep.equal({ kind: 'stop', why }));

  it('still reminds the day before the meeting, and with no reminder days sends none', () => {
    expect(decide('2026-12-14T09:00:30Z', { meetingOn: '2026-12-15' }).kind).to.equal('send');
    expect(decide('2026-12-14T09:00:30Z', { days: [] })).to.deep.equal({ kind: 'stop', why: 'done' });
  });
});
