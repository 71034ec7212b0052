import { expect } from 'chai';
import { BotHarness } from '../support/botHarness.js';

/**
 * The public "you said, we did" page over HTTP with real Azurite: GET /you-said-we-did answers 200 with
 * plain HTML of the current entries (a removed one gone, no personal data, no script). It stays here because
 * it is the HTTP route (status, content type) reading the entries from Table Storage; adding, changing and
 * removing entries from cards, the digest, the family's end card and the page's content are held on the
 * fakes by test/unit/youSaid/youSaidWeDid.test.ts.
 */
describe('"you said, we did" public page (HTTP endpoint, real Azurite)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  const MANAGER = 'ffffffff-0000-0000-0000-000000000001';

  before(async () => {
    bot = await BotHarness.start();
    const kept = await bot.services.youSaid.save(
      {
        outcome: 'support',
        youSaid: 'Waiting for speech and language therapy took too long',
        weDid: 'We funded two more therapists and a weekly drop-in',
      },
      MANAGER,
    );
    const gone = await bot.services.youSaid.save(
      { outcome: 'voice', youSaid: 'Nobody asked our views', weDid: 'We started a parent panel' },
      MANAGER,
    );
    if (kept.kind !== 'saved' || gone.kind !== 'saved') throw new Error('not saved');
    await bot.services.youSaid.remove(gone.entry.id, MANAGER);
  });
  after(async () => bot?.stop());

  it('publishes a plain public page with no personal data', async () => {
    const page = await fetch(`${bot.baseUrl}/you-said-we-did`);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/text\/html/);
    const body = await page.text();
    expect(body).to.include('<h1>You said, we did</h1>');
    expect(body).to.include('Waiting for speech and language therapy took too long');
    expect(body).not.to.include('Nobody asked our views');
    expect(body).not.to.include(MANAGER);
    expect(body).not.to.match(/\bAR-\d+/);
    expect(body).not.to.include('<script');
  });
});
