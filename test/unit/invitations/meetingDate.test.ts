import { expect } from 'chai';
import { readMeetingDate } from '../../../src/features/invitations/domain/meetingDate.js';

const TODAY = '2026-12-07';

describe("the review meeting's date, read from an invitation", () => {
  const read: [string, string][] = [
    ['invite review AR-1042 parent and text 07700 900123, review on 14 January', '2027-01-14'],
    ['invite review AR-1042 parent, review meeting on Thursday 14th January 2027', '2027-01-14'],
    ['invite review AR-1042 child and email jo@example.org review is on 14 Jan', '2027-01-14'],
    ['invite review AR-1042 parent, meeting 14/01/2027', '2027-01-14'],
    ['invite review AR-1042 parent, meeting on 14/1/27', '2027-01-14'],
    ['invite review AR-1042 parent review date 2027-01-14', '2027-01-14'],
    ['invite review AR-1042 parent, annual review on the 9th of December', '2026-12-09'],
    ['invite review AR-1042 parent, review on December 7', '2026-12-07'],
    ['invite review AR-1042 parent, review on 1 December', '2027-12-01'], // passed this year: next year's
  ];
  for (const [text, date] of read)
    it(`reads ${date} from "${text}"`, () =>
      expect(readMeetingDate(text, TODAY)).to.deep.include({ kind: 'date', date }));

  const none = [
    'invite review AR-1042 parent',
    'invite review AR-1042 parent and text 07700 900123',
    'invite review AR-2027 parent', // a reference is not a date
    'invite review AR-1042 parent on 14 January', // no "review" or "meeting" before it
  ];
  for (const text of none)
    it(`reads no date from "${text}"`, () => expect(readMeetingDate(text, TODAY)).to.deep.equal({ kind: 'none' }));

  const refused: [string, RegExp][] = [
    ['review on 31 February', /"31 February" is not a date I can use for the review meeting/],
    ['meeting 31/04/2027', /"31\/04\/2027" is not a date/],
    ['review on 29 February', /"29 February" is not a date/], // none within the year ahead
    ['review on 14 January 2026', /14 January 2026 has passed/],
    ['review on 14 January 2028', /14 January 2028 is more than a year away/],
  ];
  for (const [text, message] of refused)
    it(`refuses "${text}" with words that say what to type`, () => {
      const reading = readMeetingDate(`invite review AR-1042 parent, ${text}`, TODAY);
      expect(reading.kind).to.equal('invalid');
      if (reading.kind === 'invalid') {
        expect(reading.message).to.match(message);
        expect(reading.message).to.include('review on 14 January');
      }
    });

  it('gives the words it read, so they are not read again as a phone number', () => {
    const reading = readMeetingDate('invite review AR-1042 parent text 07700 900123 review date 2027-01-14', TODAY);
    expect(reading).to.deep.include({ span: ' review date 2027-01-14'.trim() });
  });
});
