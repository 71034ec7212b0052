import { expect } from 'chai';
import { presentBoardPack } from '../../../src/features/boardPack/boardPackPresenter.js';
import { boardPackHtml } from '../../../src/features/boardPack/boardPackPagePresenter.js';
import { boardPackPdf } from '../../../src/features/boardPack/boardPackPdfPresenter.js';
import { weeksAsked } from '../../../src/features/boardPack/boardPackIntent.js';
import { demoWorld } from '../../support/boardPackWorld.js';
import { FakeTurn, MANAGER, PRACTITIONER } from '../../support/fakes/fakeWorld.js';

type World = Awaited<ReturnType<typeof demoWorld>>;

async function ask(w: World, text: string, roles = MANAGER) {
  const turn = new FakeTurn(roles, { text, userId: 'aad-manager-1' });
  await w.router.routeText(turn);
  return turn;
}
const tokenIn = (text: string) => decodeURIComponent(/board-pack\?token=([^\s]+)/.exec(text)![1]);

describe('the board pack', function () {
  this.timeout(60_000);
  let w: World;
  before(async () => {
    w = await demoWorld();
    // A red measure with a manager's commentary, so the pack has an exception to show.
    await w.measureValues.save([
      {
        measureId: 'plans_qa_good',
        period: '2026-27-autumn',
        numerator: 30,
        denominator: 50,
        value: 0.6,
        loadedAt: '2026-12-01T09:00:00.000Z',
        file: 'test.csv',
      },
    ]);
    await w.exceptions.write(
      { measureId: 'plans_qa_good', action: 'A quality panel every fortnight from January.', due: '2027-02-28' },
      'aad-manager-1',
    );
  });

  it('reads the period asked: this term, a named term, the last six weeks', async () => {
    expect(weeksAsked(['board', 'pack', 'for', 'the', 'last', 'six', 'weeks'])).to.equal(6);
    expect(weeksAsked(['last', '6', 'weeks'])).to.equal(6);
    expect(weeksAsked(['this', 'term'])).to.equal(undefined);
    for (const [text, title] of [
      ['board pack for this term', '2026-27 Autumn'],
      ['board pack for spring 2025-26', '2025-26 Spring'],
      ['can I have the board pack for the last six weeks', 'The six weeks to 7 December 2026'],
    ]) {
      const turn = await ask(w, text);
      expect(turn.all, text).to.include(`The board pack for ${title}`);
      const opened = await w.boardPacks.forToken(tokenIn(turn.all), 'html');
      expect(opened.kind === 'pack' && opened.pack.title, text).to.equal(title);
    }
  });

  it('is for managers only', async () => {
    const turn = await ask(w, 'board pack for this term', PRACTITIONER);
    expect(turn.all).to.include('only managers can have the board pack');
    expect(turn.all).not.to.include('token=');
  });

  it('refuses an altered link and an expired one, and records every opening', async () => {
    const count = async (how: string) => (await w.boardPacks.views()).filter((v) => v.how === how).length;
    const before = { all: (await w.boardPacks.views()).length, link: await count('link'), pdf: await count('pdf') };
    const token = tokenIn((await ask(w, 'board pack for this term')).all);
    const [body, sig] = token.split('.');
    const other = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), p: 'term:2025-26-spring' }),
    ).toString('base64url');
    expect(await w.boardPacks.forToken(`${other}.${sig}`, 'html')).to.deep.equal({ kind: 'refused', why: 'invalid' });
    await w.boardPacks.forToken(token, 'pdf');
    const views = await w.boardPacks.views();
    expect(views.length - before.all).to.equal(2);
    expect([(await count('link')) - before.link, (await count('pdf')) - before.pdf]).to.deep.equal([1, 1]);
    expect(views.find((v) => v.how === 'pdf')).to.include({
      viewer: 'aad-manager-1',
      report: 'board pack 2026-27 Autumn',
    });
    w.clock.advanceDays(2);
    try {
      expect(await w.boardPacks.forToken(token, 'html')).to.deep.equal({ kind: 'refused', why: 'expired' });
    } finally {
      w.clock.set('2026-12-07');
    }
  });

  it('the page: no script, every chart an image with a title and a table of its figures, nothing from fewer than 5', async () => {
    const period = w.boardPacks.resolve({ kind: 'term', term: { kind: 'current' } })!;
    const html = boardPackHtml(await presentBoardPack(await w.boardPacks.build(period)), '/board-pack.pdf?token=x');
    expect(html).not.to.match(/<script|\son[a-z]+=|javascript:/i);
    const figures = html.split('<figure>').slice(1);
    expect(figures.length).to.be.at.least(6);
    for (const f of figures) {
      expect(f).to.match(
        /^<h3>[^<]+<\/h3><svg[^>]* role="img" aria-labelledby="([a-z0-9-]+)-t \1-d"[^>]*><title id="\1-t">/,
      );
      expect(f).to.match(/<\/svg><table><caption>/);
    }
    for (const heading of [
      'What needs a decision',
      'Exceptions, with what is being done',
      'Scorecard by outcome',
      'Waiting times against targets',
      'Outcome scores over time',
      'Measures over time',
      'Response rates and what families are saying',
      'You said, we did',
    ])
      expect(html).to.include(`>${heading}</h2>`);
    // The exception, beside its measure, with what is being done.
    expect(html).to.match(
      /New EHC plans graded good or better<\/th><td>60\.0% \(30 of 50\)[^<]*<\/td><td>Red against its target<\/td><td>A quality panel every fortnight from January\.<\/td><td>28 February 2027/,
    );
    // 2024-25 Summer has 1 to 4 answers in the demo data: its scores are not shown, in the table or the chart.
    expect(html).to.include('<th scope="row">2024-25 Summer</th><td>not shown (fewer than 5)</td>');
  });

  it('the PDF is drawn on the server, A4, with its pages', async () => {
    const period = w.boardPacks.resolve({ kind: 'weeks', weeks: 6 })!;
    const pdf = await boardPackPdf(await presentBoardPack(await w.boardPacks.build(period)));
    expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).to.be.at.least(5);
    expect(pdf.toString('latin1')).to.include('/MediaBox [0 0 595.28 841.89]');
  });
});
