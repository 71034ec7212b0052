import { expect } from 'chai';
import { ContactCipher } from '../../../src/features/familyContacts/domain/contactCipher.js';

describe('contact details sealed at rest (AES-256-GCM)', () => {
  const cipher = new ContactCipher(Buffer.alloc(32, 3));

  it('opens what it sealed, for the invitation it was sealed for', () => {
    const sealed = cipher.seal('07700900123', 'ABCDEFGH22');
    expect(sealed).to.match(/^v1\./);
    expect(sealed).to.not.include('07700900123');
    expect(cipher.open(sealed, 'ABCDEFGH22')).to.equal('07700900123');
  });

  it('seals the same number differently each time (a fresh nonce)', () => {
    expect(cipher.seal('07700900123', 'A')).to.not.equal(cipher.seal('07700900123', 'A'));
  });

  it('refuses a tampered value: any changed character of nonce, tag or ciphertext', () => {
    const sealed = cipher.seal('jo@example.org', 'ABCDEFGH22');
    for (let i = 3; i < sealed.length; i++) {
      if (sealed[i] === '.') continue;
      const changed = sealed.slice(0, i) + (sealed[i] === 'A' ? 'B' : 'A') + sealed.slice(i + 1);
      expect(cipher.open(changed, 'ABCDEFGH22'), `changed at ${i}`).to.equal(undefined);
    }
  });

  it('refuses a value moved onto another invitation’s row, one sealed under another key, and junk', () => {
    const sealed = cipher.seal('07700900123', 'ABCDEFGH22');
    expect(cipher.open(sealed, 'ZZZZZZZZ22')).to.equal(undefined);
    expect(new ContactCipher(Buffer.alloc(32, 4)).open(sealed, 'ABCDEFGH22')).to.equal(undefined);
    for (const junk of ['', 'v1', 'v2.a.b.c', 'v1.a.b.c', sealed.replace(/^v1/, 'v0')])
      expect(cipher.open(junk, 'ABCDEFGH22')).to.equal(undefined);
  });

  it('will not work with a key that is not 32 bytes', () => {
    expect(() => new ContactCipher(Buffer.alloc(16))).to.throw(/32 bytes/);
  });
});
