import { expect } from 'chai';
import { ConfigError, loadConfig, redactedSummary } from '../../../src/config/config.js';

const IKEY = '0a1b2c3d-0000-4000-8000-00000000abcd';
const VALID = `InstrumentationKey=${IKEY};IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/;LiveEndpoint=https://uksouth.livediagnostics.monitor.azure.com/;ApplicationId=5e6f7a8b-0000-4000-8000-000000000001`;

function refusal(value: string): string {
  try {
    loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: value });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

describe('APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
  it('is off unless set, and the start-up summary says so', () => {
    for (const env of [
      {},
      { APPLICATIONINSIGHTS_CONNECTION_STRING: '' },
      { APPLICATIONINSIGHTS_CONNECTION_STRING: '  ' },
    ]) {
      const config = loadConfig(env);
      expect(config.applicationInsightsConnectionString).to.equal(undefined);
      expect(JSON.stringify(redactedSummary(config, env))).to.include('"telemetry":"[not set: nothing is sent]"');
    }
  });

  it('takes an Application Insights connection string, and the summary shows only that it is set', () => {
    const env = { APPLICATIONINSIGHTS_CONNECTION_STRING: ` ${VALID} ` };
    const config = loadConfig(env);
    expect(config.applicationInsightsConnectionString).to.equal(VALID);
    const summary = JSON.stringify(redactedSummary(config, env));
    expect(summary).to.include('"telemetry":"[set: Azure Monitor]"');
    expect(summary).not.to.include(IKEY);
  });

  // The exporter rewrites http:// to https:// whatever it is given: an http endpoint would only look plain.
  it('refuses a plain-http ingestion endpoint, even on this machine', () => {
    for (const host of ['127.0.0.1:4318', 'uksouth-1.in.applicationinsights.azure.com'])
      expect(refusal(`InstrumentationKey=${IKEY};IngestionEndpoint=http://${host}/`)).to.match(
        /APPLICATIONINSIGHTS_CONNECTION_STRING: must be .*https/,
      );
    expect(
      loadConfig({
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${IKEY};IngestionEndpoint=https://127.0.0.1:4318/`,
      }).applicationInsightsConnectionString,
    ).to.be.a('string');
  });

  for (const [what, value] of [
    ['an instrumentation key alone (the old setting)', IKEY],
    ['no ingestion endpoint', `InstrumentationKey=${IKEY}`],
    ['no instrumentation key', 'IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/'],
    [
      'a key that is not a GUID',
      'InstrumentationKey=abc;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
    ],
    ['an endpoint that is not a URL', `InstrumentationKey=${IKEY};IngestionEndpoint=uksouth`],
    [
      'a storage connection string pasted by mistake',
      'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==;EndpointSuffix=core.windows.net',
    ],
  ])
    it(`refuses ${what}, naming the setting and not echoing it`, () => {
      const message = refusal(value);
      expect(message).to.match(/APPLICATIONINSIGHTS_CONNECTION_STRING: must be/);
      expect(message).not.to.include(value);
    });
});
