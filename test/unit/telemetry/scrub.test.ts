import { expect } from 'chai';
import { scrubAttributes, scrubText, scrubUrl } from '../../../src/telemetry/scrub.js';

/** What telemetry may say about a request or a call: its route and table, never whose it was. */
describe('telemetry scrubbing', () => {
  describe('URLs keep their origin and route, lose codes, review refs, keys and tokens', () => {
    const cases: [string, string, string][] = [
      ['a family link', 'https://outcomes.example.org/survey/46JCQEVS5W', 'https://outcomes.example.org/survey/:id'],
      [
        'a family link in lower case',
        'https://outcomes.example.org/survey/46jcqevs5w',
        'https://outcomes.example.org/survey/:id',
      ],
      [
        'a signed print link',
        'https://outcomes.example.org/reviews/print?token=eyJyIjoiQVItMTA0MiJ9.c2lnbmF0dXJlMTIzNDU2',
        'https://outcomes.example.org/reviews/print?token=...',
      ],
      [
        'a signed CSV link',
        'http://127.0.0.1:3978/api/digests/csv?token=abc123DEF456ghi789JKL',
        'http://127.0.0.1:3978/api/digests/csv?token=...',
      ],
      [
        'an entity read (Azurite, path-style account)',
        "http://127.0.0.1:10002/devstoreaccount1/answers(PartitionKey='AR-1042~pc',RowKey='voice')",
        'http://127.0.0.1:10002/:id/answers(...)',
      ],
      [
        'an entity read, percent-encoded',
        'https://acct.table.core.windows.net/answers(PartitionKey=%27AR-1042~pc%27,RowKey=%27voice%27)',
        'https://acct.table.core.windows.net/answers(...)',
      ],
      [
        'a query by partition',
        "https://acct.table.core.windows.net/answers()?$filter=PartitionKey%20eq%20'AR-1042~cyp'&$top=1000",
        'https://acct.table.core.windows.net/answers()?$filter=...&$top=...',
      ],
      ['a batch', 'https://acct.table.core.windows.net/$batch', 'https://acct.table.core.windows.net/$batch'],
      [
        'a table made lazily',
        "https://acct.table.core.windows.net/Tables('answers')",
        'https://acct.table.core.windows.net/Tables(...)',
      ],
      [
        'a reply to a conversation',
        'https://smba.trafficmanager.net/uk/v3/conversations/a%3A1Xk9fT-Q2/activities/1234567',
        'https://smba.trafficmanager.net/uk/v3/conversations/:id/activities/:id',
      ],
      [
        'the local Direct Line, whose bot path is a secret',
        'http://127.0.0.1:41234/bot/Zm9vYmFyYmF6cXV4cXV1eHh5eno/v3/conversations/dl_abc123/activities',
        'http://127.0.0.1:41234/bot/:id/v3/conversations/:id/activities',
      ],
      ['a path alone', '/survey/AR-1042?code=46JC-QEVS-5W', '/survey/:id?code=...'],
      ['a name typed as a path', '/survey/Mabel%20Smith', '/survey/:id'],
      [
        'user and fragment',
        'https://someone:pw@example.org/you-said-we-did#AR-1042',
        'https://example.org/you-said-we-did',
      ],
      ['plain routes unchanged', 'http://localhost:3978/api/messages', 'http://localhost:3978/api/messages'],
    ];
    for (const [what, input, expected] of cases)
      it(what, () => {
        expect(scrubUrl(input)).to.equal(expected);
      });

    it('uses the route template the server matched, in place of the path', () => {
      expect(scrubUrl('https://outcomes.example.org/survey/46JCQEVS5W?x=AR-1042', '/survey/:code')).to.equal(
        'https://outcomes.example.org/survey/:code?x=...',
      );
    });

    it('says only that it was not a URL when it cannot be read', () => {
      expect(scrubUrl('http://[AR-1042')).to.equal('[unreadable URL]');
    });
  });

  describe('text keeps what helps an engineer, loses what could identify a family', () => {
    const cases: [string, string, string][] = [
      ['a review ref', 'No respondent for AR-1042 (cyp)', 'No respondent for [ref] (cyp)'],
      ['a review ref without a dash', 'EHC2024031 not found', '[ref] not found'],
      ['a code, formatted or not', 'code 46JC-QEVS-5W then 46JCQEVS5W', 'code [code] then [code]'],
      ['a key in a filter', "PartitionKey eq 'x~pc' and RowKey eq 'y'", 'PartitionKey eq ... and RowKey eq ...'],
      [
        'a URL inside a message',
        "GET https://acct.table.core.windows.net/answers(PartitionKey='AR-1042~pc',RowKey='a') failed",
        'GET https://acct.table.core.windows.net/answers(...) failed',
      ],
      ['a long token', 'token abcdefghij0123456789KLMNOP rejected', 'token [token] rejected'],
      [
        'a GUID request id stays',
        'RequestId:1f2e3d4c-ab12-4cd3-9e8f-0123456789ab',
        'RequestId:1f2e3d4c-ab12-4cd3-9e8f-0123456789ab',
      ],
      [
        'an ordinary stack line stays',
        'at TableClient.getEntity (/app/node_modules/@azure/data-tables/dist/esm/TableClient.js:412:27)',
        'at TableClient.getEntity (/app/node_modules/@azure/data-tables/dist/esm/TableClient.js:412:27)',
      ],
      ['an HTTP version and a port stay', 'HTTP/1.1 127.0.0.1:10002 v3', 'HTTP/1.1 127.0.0.1:10002 v3'],
    ];
    for (const [what, input, expected] of cases)
      it(what, () => {
        expect(scrubText(input)).to.equal(expected);
      });
  });

  describe('span attributes', () => {
    it('rewrites every URL attribute, drops the client address and user agent, scrubs the rest', () => {
      const attributes: Record<string, unknown> = {
        'http.url': 'https://outcomes.example.org/survey/46JCQEVS5W',
        'url.full': 'https://outcomes.example.org/survey/46JCQEVS5W',
        'http.target': '/survey/46JCQEVS5W',
        'url.path': '/survey/46JCQEVS5W',
        'url.query': 'token=abc123DEF456ghi789JKL',
        'http.route': '/survey/:code',
        'http.method': 'GET',
        'http.status_code': 200,
        'net.peer.ip': '203.0.113.9',
        'client.address': '203.0.113.9',
        'http.client_ip': '203.0.113.9',
        'network.peer.address': '203.0.113.9',
        'http.user_agent': 'Mozilla/5.0 (iPhone)',
        'user_agent.original': 'Mozilla/5.0 (iPhone)',
        'db.query.text': "PartitionKey eq 'AR-1042~pc'",
        'az.namespace': 'Microsoft.Tables',
        custom: ['AR-1042', 'fine'],
      };
      scrubAttributes(attributes);
      expect(attributes).to.deep.equal({
        'http.url': 'https://outcomes.example.org/survey/:code',
        'url.full': 'https://outcomes.example.org/survey/:code',
        'http.target': '/survey/:code',
        'url.path': '/survey/:code',
        'url.query': 'token=...',
        'http.route': '/survey/:code',
        'http.method': 'GET',
        'http.status_code': 200,
        'db.query.text': 'PartitionKey eq ...',
        'az.namespace': 'Microsoft.Tables',
        custom: ['[ref]', 'fine'],
      });
    });

    it('keeps a route only when it is a template of plain words and :params', () => {
      const attributes: Record<string, unknown> = {
        'http.route': '/survey/46JCQEVS5W',
        'url.path': '/survey/46JCQEVS5W',
      };
      scrubAttributes(attributes);
      expect(attributes).to.deep.equal({ 'http.route': '/survey/:id', 'url.path': '/survey/:id' });
    });
  });
});
