import { expect } from 'chai';
import { compactValue } from '../../../src/features/survey/domain/respondentState.js';
import { loadThemeList } from '../../../src/seeds/loadSeeds.js';
import { FakeTurn, fakeWorld, MANAGER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/**
 * What families are saying, for managers: free text counted under themes per prompt, shown only for 10 or
 * more comments, and never a quote anywhere a manager looks (chat, digest, the digest's CSV). On the fakes:
 * the comments are written through the respondents port as a saved section writes them, the questions
 * asked through the router, the digest and its CSV made by the digest service the HTTP download uses.
 */
describe('what families are saying: counted themes, never quotes (unit, on the fakes)', () => {
  const MANAGER_ID = 'abababab-0000-0000-0000-000000000001';
  const TERM = '2026-27-autumn';
  // Each comment is distinctive, so a quote would be found if anything showed one.
  const comment = (i: number) => `Quote${i}: we have been waiting months for speech therapy and the support plan`;
  let w: FakeWorld;

  async function write(i: number): Promise<void> {
    const ref = `TH-${1000 + i}`;
    const text = comment(i);
    await w.respondents.mutate(ref, 'pc', () => ({
      next: {
        reviewRef: ref,
        role: 'pc',
        invitedTerm: TERM,
        sections: {
          text: {
            term: TERM,
            savedAt: 'x',
            values: { 'text.pc.2': compactValue({ skipped: false, text }, loadThemeList()) },
          },
        },
      },
      writes: [
        { questionId: 'text.pc.2', section: 'text', term: TERM, submittedOn: '2026-11-10', skipped: false, text },
      ],
      deletes: [],
    }));
  }

  /** What a manager is shown: each reply's text, and its card as sent (with the full text as its fallback). */
  const ask = async (text: string) => {
    const turn = new FakeTurn(MANAGER, { text, userId: MANAGER_ID, conversationId: 'manager-chat' });
    await w.router.routeText(turn);
    const cards = turn.said.filter((r) => r.card).map((r) => ({ ...r.card, fallbackText: r.fullText ?? r.text }));
    return turn.said.map((r) => r.text).join('\n') + JSON.stringify(cards);
  };

  beforeEach(async () => {
    w = fakeWorld({ today: '2026-11-22' });
    for (let i = 1; i <= 9; i++) await write(i);
  });

  it('shows nothing for a prompt with 9 comments', async () => {
    const out = await ask('what are families saying about support?');
    expect(out).to.include('No prompt has 10 or more comments');
    expect(out).not.to.include('Waiting for help');
    expect(out).not.to.include('9 comments');
  });

  it('shows the counted themes once the prompt has 10, and no quote anywhere a manager looks', async () => {
    await write(10);
    const out = await ask('what are families saying about support?');
    expect(out).to.include('My child struggles when…');
    expect(out).to.include('10 comments');
    expect(out).to.match(/Waiting for help 10/);
    expect(out).to.match(/Getting the right support 10/);
    expect(out).not.to.include('Health care and therapies'); // only Support's themes were asked for
    const { reply } = await w.digests.build(w.terms.termOf('2026-11-22'));
    const digest = JSON.stringify(reply);
    expect(digest).to.include('What families are saying');
    // The CSV behind the digest's signed download link, as GET /api/digests/csv gives it.
    const link = (reply.card as any).actions.find((a: any) => a.type === 'Action.OpenUrl').url as string;
    const csv = await w.digests.csvForToken(new URL(link).searchParams.get('token')!);
    if (!csv.ok) throw new Error(`the CSV link was refused: ${csv.reason}`);
    expect(csv.csv).to.match(/^term,section,/);
    for (const seen of [
      out,
      digest,
      csv.csv,
      await ask('what are parents saying'),
      await ask('themes in the comments'),
    ])
      for (let i = 1; i <= 10; i++) {
        expect(seen).not.to.include(`Quote${i}`);
        expect(seen).not.to.include('waiting months');
      }
  });
});
