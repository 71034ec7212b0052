import { expect } from 'chai';
import type { Request } from 'restify';
import { clientKey, FamilyPageLimits } from '../../../src/http/familyPageLimits.js';

/** The family page's allowances cannot be walked round by changing address within one network, or a code's spelling. */
describe('family page limits: what counts as one client and one code', () => {
  const from = (forwardedFor: string, socket = '10.0.0.9') =>
    ({ headers: { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress: socket } }) as unknown as Request;

  async function served(limits: FamilyPageLimits, requests: [Request, string | undefined][]): Promise<number> {
    let n = 0;
    for (const [req, code] of requests) if (await limits.allow(req, code)) n++;
    return n;
  }

  describe('clientKey', () => {
    it('keys an IPv6 client by its /64, however the address is written', () => {
      const key = clientKey('2001:db8:1:2::1');
      expect(clientKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).to.equal(key);
      expect(clientKey('2001:0DB8:0001:0002:0:0:0:ffff')).to.equal(key);
      expect(clientKey('2001:db8:1:2:0::7')).to.equal(key);
      expect(clientKey('fe80::1%eth0')).to.equal(clientKey('fe80::2'));
      expect(clientKey('2001:db8:1:3::1'), 'the next /64').not.to.equal(key);
      expect(clientKey('2001:db8::1')).not.to.equal(clientKey('2001:db8:0:1::1'));
    });

    it('keys an IPv4 client by its address, also when it arrives IPv4-mapped', () => {
      expect(clientKey('203.0.113.5')).to.equal('203.0.113.5');
      expect(clientKey('::ffff:203.0.113.5')).to.equal('203.0.113.5');
      expect(clientKey('::FFFF:203.0.113.5')).to.equal('203.0.113.5');
      expect(clientKey('::ffff:cb00:7105')).to.equal('203.0.113.5');
      expect(clientKey('203.0.113.6')).not.to.equal(clientKey('203.0.113.5'));
    });

    it('keeps anything else as it came, so it is still counted', () => {
      expect(clientKey('unknown')).to.equal('unknown');
      expect(clientKey('not:an:address:zz')).to.equal('not:an:address:zz');
    });
  });

  it('gives the addresses of one IPv6 /64 one allowance behind a trusted proxy', async () => {
    const limits = new FamilyPageLimits(1);
    const requests = Array.from(
      { length: 200 },
      (_, i) => [from(`2001:db8:5:6:${(i + 1).toString(16)}::1`), undefined] as [Request, undefined],
    );
    expect(await served(limits, requests)).to.equal(30);
    expect(await limits.allow(from('2001:db8:5:7::1')), 'the next /64 has its own').to.equal(true);
  });

  it('gives the IPv4-mapped and plain forms of one socket address one allowance', async () => {
    const limits = new FamilyPageLimits(0);
    const requests = Array.from(
      { length: 40 },
      (_, i) => [from('', i % 2 ? '::ffff:192.0.2.7' : '192.0.2.7'), undefined] as [Request, undefined],
    );
    expect(await served(limits, requests)).to.equal(30);
  });

  it('counts one code however it is written against the same allowance', async () => {
    const limits = new FamilyPageLimits(1);
    const spellings = [
      'ABCDEFGH23',
      'abcdefgh23',
      'ABCD-EFGH-23',
      'abcd-efgh-23',
      'ABCD EFGH 23',
      ' abcdefgh23 ',
      'code: ABCDEFGH23',
      'Code ABCD-EFGH-23',
      'abcD-efGh 23',
    ];
    const requests = Array.from(
      { length: 45 },
      (_, i) => [from(`198.51.100.${i + 1}`), spellings[i % spellings.length]] as [Request, string],
    );
    expect(await served(limits, requests)).to.equal(20);
    expect(await limits.allow(from('198.51.100.99'), 'ZZZZ-ZZZZ-22'), 'another code is untouched').to.equal(true);
  });
});
