import { expect } from 'chai';
import { isAllowedServiceUrl } from '../../../src/features/addressBook/domain/serviceUrls.js';

describe('proactive send allow-list of service URLs', () => {
  const teams = { allowLoopback: false };
  const local = { allowLoopback: true };
  const cases: [string, boolean, boolean][] = [
    // url, allowed in production, allowed locally
    ['https://smba.trafficmanager.net/uk/', true, true],
    ['https://smba.trafficmanager.net/amer/12345/', true, true],
    ['https://SMBA.trafficmanager.NET/emea/', true, true],
    ['https://smba.infra.gcc.teams.microsoft.com/', true, true],
    ['https://smba.infra.gov.teams.microsoft.us/', true, true],
    ['https://webchat.botframework.com/', true, true],
    ['https://directline.botframework.com/', true, true],
    ['http://smba.trafficmanager.net/uk/', false, false],
    ['https://smba.trafficmanager.net:8443/uk/', false, false],
    ['https://smba.trafficmanager.net.evil.example/uk/', false, false],
    ['https://smba.trafficmanager.net@evil.example/uk/', false, false],
    ['https://user:pw@smba.trafficmanager.net/uk/', false, false],
    ['https://evil.example/smba.trafficmanager.net/', false, false],
    ['https://botframework.com.evil.example/', false, false],
    ['javascript:alert(1)', false, false],
    ['not a url', false, false],
    ['', false, false],
    ['http://127.0.0.1:3979/', false, true],
    ['http://localhost:56000/', false, true],
    ['http://[::1]:56000/', false, true],
    ['http://127.0.0.2:56000/', false, false],
    ['file:///etc/passwd', false, false],
  ];
  for (const [url, production, locally] of cases) {
    it(`${production ? 'accepts' : 'refuses'} ${JSON.stringify(url)} with Teams${locally !== production ? `, ${locally ? 'accepts' : 'refuses'} it locally` : ''}`, () => {
      expect(isAllowedServiceUrl(url, teams)).to.equal(production);
      expect(isAllowedServiceUrl(url, local)).to.equal(locally);
    });
  }
});
