import { expect } from 'chai';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { toTurn } from '../../../src/bot/teamsTurn.js';
import type { AdaptiveCardJson, Reply } from '../../../src/ports/messages.js';

/** Teams refuses an activity over about 28 KB: whatever a handler sends, no activity goes out over 27,000 bytes. */
describe('every activity a turn sends fits Teams (unit)', () => {
  const LIMIT = 27_000;

  async function sent(reply: Reply): Promise<Partial<Activity>[]> {
    const out: Partial<Activity>[] = [];
    const context = new TurnContext(new TestAdapter(), {
      type: 'message',
      channelId: 'msteams',
      from: { id: 'u1' },
      recipient: { id: 'bot' },
      conversation: { id: 'c1', conversationType: 'personal' },
      text: 'hi',
    } as unknown as Activity);
    context.onSendActivities(async (_c, activities, next) => {
      out.push(...activities);
      return next();
    });
    await toTurn(context, { roles: async () => [] }).send(reply);
    return out;
  }
  const bytes = (a: unknown) => Buffer.byteLength(JSON.stringify(a), 'utf8');
  const cardsOf = (activities: Partial<Activity>[]) =>
    activities.flatMap((a) => (a.attachments ?? []).map((x) => x.content as AdaptiveCardJson & { body: any[] }));
  const line = (i: number) => `${i} ${'👍🏽'.repeat(120)}`;

  it('splits a card too big for one message into cards, in order, the buttons on the last', async () => {
    const card = {
      type: 'AdaptiveCard' as const,
      version: '1.5',
      body: Array.from({ length: 60 }, (_, i) => ({ type: 'TextBlock', text: line(i), wrap: true })),
      actions: [{ type: 'Action.OpenUrl', title: 'Print', url: 'https://x.example/p' }],
    };
    expect(bytes(card)).to.be.greaterThan(2 * LIMIT);
    const out = await sent({ text: 'Big card.', card, fullText: card.body.map((b) => b.text).join('\n') });
    expect(out.length).to.be.greaterThan(2);
    for (const a of out) expect(bytes(a)).to.be.at.most(LIMIT);
    const shown = cardsOf(out);
    expect(shown.flatMap((c) => c.body.map((b: any) => b.text))).to.deep.equal(card.body.map((b) => b.text));
    expect(shown.map((c) => c.actions ?? [])).to.deep.equal([...shown.slice(1).map(() => []), card.actions]);
  });

  it('splits a text too long for one message at line ends', async () => {
    const text = Array.from({ length: 80 }, (_, i) => line(i)).join('\n');
    const out = await sent({ text });
    expect(out.length).to.be.greaterThan(2);
    for (const a of out) expect(bytes(a)).to.be.at.most(LIMIT);
    expect(out.map((a) => a.text).join('\n')).to.equal(text);
  });

  it('never sends a form (inputs and their button must stay together) over the limit', async () => {
    const card = {
      type: 'AdaptiveCard' as const,
      version: '1.5',
      body: Array.from({ length: 40 }, (_, i) => ({ type: 'Input.Text', id: `q${i}`, value: line(i) })),
      actions: [{ type: 'Action.Submit', title: 'Save', data: { verb: 'x' } }],
    };
    const out = await sent({ text: 'A big form.', card });
    expect(out.length).to.be.greaterThan(0);
    for (const a of out) expect(bytes(a)).to.be.at.most(LIMIT);
    expect(out.map((a) => a.text ?? a.summary).join('\n')).to.include('A big form.');
  });

  it('sends a card that fits as it is', async () => {
    const card = { type: 'AdaptiveCard' as const, version: '1.5', body: [{ type: 'TextBlock', text: 'Hello' }] };
    const out = await sent({ text: 'Hello.', card });
    expect(out).to.have.length(1);
    expect(cardsOf(out)[0]).to.deep.include({ body: card.body, fallbackText: 'Hello.' });
  });
});
