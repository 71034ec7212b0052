import { expect } from 'chai';
import {
  emailAddress,
  hideContacts,
  readContact,
  ukMobile,
} from '../../../src/features/familyContacts/domain/contactDetails.js';

describe('reading a family’s phone number or email from a practitioner’s message', () => {
  const mobiles: [string, string][] = [
    ['07700 900123', '07700900123'],
    ['07700900123', '07700900123'],
    ['+44 7700 900123', '07700900123'],
    ['+44 (0)7700 900123', '07700900123'],
    ['0044 7700 900 123', '07700900123'],
    ['07700-900-123', '07700900123'],
  ];
  for (const [typed, read] of mobiles)
    it(`reads the UK mobile "${typed}" as ${read}`, () => expect(ukMobile(typed)).to.equal(read));

  for (const typed of [
    '01632 960000',
    '020 7946 0000',
    '0770 090 012',
    '077009001234',
    '+1 415 555 0100',
    '7700 900123',
  ])
    it(`refuses "${typed}": not a UK mobile`, () => expect(ukMobile(typed)).to.equal(undefined));

  for (const typed of ['jo@example.org', 'Jo.Bloggs+send@Example.co.uk'])
    it(`reads the address "${typed}" (in lower case)`, () => expect(emailAddress(typed)).to.equal(typed.toLowerCase()));

  for (const typed of [
    'jo@example',
    'jo@@example.org',
    'jo example@example.org',
    'jo@example..org',
    '@example.org',
    'jo@.org',
  ])
    it(`refuses "${typed}": not an email address`, () => expect(emailAddress(typed)).to.equal(undefined));

  it('reads the contact from the whole message, by its cue or by its shape', () => {
    expect(readContact('invite review AR-1042 parent and text 07700 900123')).to.deep.equal({
      kind: 'contact',
      contact: { channel: 'sms', phone: '07700900123' },
    });
    expect(readContact('invite review AR-1042 child, email jo@example.org.')).to.deep.equal({
      kind: 'contact',
      contact: { channel: 'email', email: 'jo@example.org' },
    });
    expect(readContact('invite AR-1042 parent 07700 900123')).to.deep.include({ kind: 'contact' });
    expect(readContact('invite review AR-1042 parent')).to.deep.equal({ kind: 'none' });
    expect(readContact('invite review AR-104299 parent')).to.deep.equal({ kind: 'none' });
  });

  it('answers a wrong number or address with what to type instead, and never echoes it', () => {
    const phone = readContact('invite review AR-1042 parent and text 01632 960000');
    expect(phone.kind).to.equal('invalid');
    expect(phone.kind === 'invalid' && phone.message).to.match(/UK mobile number.*07700 900123/);
    expect(JSON.stringify(phone)).to.not.include('960000');
    const email = readContact('invite review AR-1042 parent and email sam@nowhere');
    expect(email.kind === 'invalid' && email.message).to.match(/does not look like an email address/);
    expect(JSON.stringify(email)).to.not.include('sam@nowhere');
    expect(readContact('invite review AR-1042 parent and text them').kind).to.equal('invalid');
  });
});

describe('hiding contacts in words kept for later', () => {
  it('replaces emails and UK numbers, and keeps review references, codes and figures', () => {
    expect(hideContacts('invte AR-1042 parnt txt 07700 900123 or jo@example.org')).to.equal(
      'invte AR-1042 parnt txt [phone] or [email]',
    );
    expect(hideContacts('call +44 7700 900123 about 2025-26 and ABCD-EFGH-22 (12 families)')).to.equal(
      'call [phone] about 2025-26 and ABCD-EFGH-22 (12 families)',
    );
  });
});
