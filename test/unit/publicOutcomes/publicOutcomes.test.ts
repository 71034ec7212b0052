import { expect } from 'chai';
import { publicOutcomesHtml } from '../../../src/features/publicOutcomes/publicOutcomesPagePresenter.js';
import { demoWorld } from '../../support/boardPackWorld.js';
import { FakeTurn, MANAGER, PRACTITIONER } from '../../support/fakes/fakeWorld.js';

type World = Awaited<ReturnType<typeof demoWorld>>;
const page = async (w: World) => publicOutcomesHtml(w.bank, await w.publicOutcomes.page());

let conversationId = '';
async function say(w: World, text: string, roles = MANAGER) {
  const turn = new FakeTurn(roles, { text, userId: 'aad-manager-1', conversationId });
  await w.router.routeText(turn);
  return turn;
}

describe('the public /outcomes page', function () {
  this.timeout(60_000);
  // The demo data is loaded once (each load imports about 11,000 rows); every test starts as a fresh world does,
  // with nothing marked public (the marks are all this page keeps), and talks in a conversation of its own.
  let w: World;
  let tests = 0;
  before(async () => {
    w = await demoWorld();
  });
  beforeEach(() => {
    w.publicMarks.rows.length = 0;
    conversationId = `conv-${++tests}`;
  });

  it('shows nothing a manager has not marked public', async () => {
    const html = await page(w);
    expect(html).to.include('No figures have been published yet.');
    expect(html).not.to.match(/<svg|<table/);
  });

  it('publishes what a manager names in words, and only that, with who and when kept', async () => {
    const turn = await say(w, 'publish annual reviews completed on time');
    expect(turn.all).to.include('Published on the public page: Annual reviews completed on time.');
    expect(w.publicMarks.rows).to.deep.equal([
      { subject: 'measure:ar_on_time', isPublic: true, by: 'aad-manager-1', at: w.clock.now().toISOString() },
    ]);
    const html = await page(w);
    expect(html).to.include('>Annual reviews completed on time</h3>');
    expect(html).not.to.include('Complaints about SEND services');
    expect(html).not.to.include('What children, young people and parent carers tell us');
    await say(w, 'take annual reviews completed on time off the public page');
    expect(await page(w)).not.to.include('Annual reviews completed on time');
  });

  it('publishes the outcome scores, each chart an image with its title and a table, small groups hidden', async () => {
    await say(w, 'publish the outcome scores');
    const html = await page(w);
    expect(html).not.to.match(/<script|\son[a-z]+=|javascript:/i);
    for (const o of w.bank.outcomes) {
      expect(html).to.include(`<svg`);
      expect(html).to.match(new RegExp(`role="img" aria-labelledby="o-${o.id}-t o-${o.id}-d"`));
      expect(html).to.include(`<title id="o-${o.id}-t">${o.shortName}: average score out of 5, by term</title>`);
    }
    expect(html).to.include('<td>not shown: fewer than 5 people</td>');
  });

  it('the card sets every subject; only changes are recorded', async () => {
    const save = new FakeTurn(MANAGER, {
      conversationId,
      value: { verb: 'public.save', o_voice: 'true', o_safe: 'false', m_complaints: 'true', m_nosuch: 'true' },
    });
    await w.router.routeCard(save);
    expect(w.publicMarks.rows.map((r) => [r.subject, r.isPublic])).to.deep.equal([
      ['outcome:voice', true],
      ['measure:complaints', true],
    ]);
  });

  it('only managers choose what is public', async () => {
    const turn = await say(w, 'publish annual reviews completed on time', PRACTITIONER);
    expect(turn.all).to.include('only managers choose what the public page shows');
    expect(w.publicMarks.rows).to.deep.equal([]);
  });
});
