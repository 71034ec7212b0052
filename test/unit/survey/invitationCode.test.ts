import { expect } from 'chai';
import fc from 'fast-check';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  formatCode,
  newInvitationCode,
  readCodeFromText,
} from '../../../src/domain/invitations/invitationCode.js';
import { checkReviewRef } from '../../../src/features/invitations/domain/reviewRef.js';

describe('invitation codes', () => {
  it('are 10 characters from an alphabet without look-alikes', () => {
    for (const c of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.to.include(c);
    for (let i = 0; i < 500; i++) {
      const code = newInvitationCode();
      expect(code).to.have.length(CODE_LENGTH);
      expect([...code].every((c) => CODE_ALPHABET.includes(c))).to.equal(true);
    }
  });

  it('do not repeat in 20,000 draws', () => {
    const seen = new Set(Array.from({ length: 20_000 }, newInvitationCode));
    expect(seen.size).to.equal(20_000);
  });

  it('are read back however a family types them', () => {
    const code = newInvitationCode();
    expect(readCodeFromText(formatCode(code).toLowerCase())).to.equal(code);
    expect(readCodeFromText(` ${code.slice(0, 5)} ${code.slice(5)} `)).to.equal(code);
    expect(readCodeFromText(`code: ${code}`)).to.equal(code);
  });

  it('never mistake ordinary words or commands for a code', () => {
    for (const text of ['help', 'subscribe', 'invite review AR-1042 parent', 'unanswered', 'AR-1042', 'SALTWAITING'])
      expect(readCodeFromText(text), text).to.equal(undefined);
  });

  it('round-trip through formatting for any generated code', () => {
    fc.assert(
      fc.property(fc.integer(), () => {
        const code = newInvitationCode();
        return readCodeFromText(formatCode(code)) === code;
      }),
      { numRuns: 200 },
    );
  });
});

describe('review references', () => {
  for (const ok of ['AR-1042', 'ar-1042', 'EHC2024031', 'AR1042'])
    it(`accepts ${ok}`, () => expect(checkReviewRef(ok).ok).to.equal(true));
  for (const bad of ['Jamie Smith', '4857773456', '12/03/2014', 'AR-', 'A/1042', 'AR-1042; drop']) {
    it(`refuses "${bad}" and warns against names and NHS numbers`, () => {
      const r = checkReviewRef(bad);
      expect(r.ok).to.equal(false);
      if (!r.ok) expect(r.message).to.match(/never use a child's name, date of birth or NHS number/);
    });
  }
});
