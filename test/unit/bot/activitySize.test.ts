import { expect } from 'chai';
import fc from 'fast-check';
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

  /** Every TextBlock's text, depth first, into the sections behind buttons too. */
  const textsIn = (node: unknown): string[] => {
    if (Array.isArray(node)) return node.flatMap(textsIn);
    if (!node || typeof node !== 'object') return [];
    const o = node as Record<string, unknown>;
    return [
      ...(o.type === 'TextBlock' ? [String(o.text)] : []),
      ...textsIn(o.body),
      ...textsIn(o.items),
      ...textsIn(o.actions),
      ...textsIn(o.card),
    ];
  };

  /** An activity without what the turn's conversation reference adds to it on the way out. */
  const own = (a: Partial<Activity>) => {
    const { channelId, conversation, from, recipient, id, timestamp, replyToId, serviceUrl, locale, ...rest } = a;
    void [channelId, conversation, from, recipient, id, timestamp, replyToId, serviceUrl, locale];
    return rest;
  };

  it('splits a card of sections behind buttons (Action.ShowCard) so that every part fits and nothing is lost (property)', async () => {
    let n = 0;
    const text = fc.integer({ min: 1, max: 9_000 }).map((size) => `${n++} ${'é'.repeat(size)}`);
    const block = text.map((t) => ({ type: 'TextBlock', text: t, wrap: true }));
    const section = fc.record({
      title: fc.constantFrom('Outcome scores', 'Waiting times', 'Measures', 'Responses'),
      body: fc.array(block, { minLength: 1, maxLength: 12 }),
    });
    const showCard = section.map((s) => ({
      type: 'Action.ShowCard',
      title: s.title,
      card: { type: 'AdaptiveCard', body: s.body },
    }));
    const element = fc.oneof(
      block,
      fc.array(showCard, { minLength: 1, maxLength: 4 }).map((actions) => ({ type: 'ActionSet', actions })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(element, { minLength: 1, maxLength: 12 }),
        fc.array(showCard, { maxLength: 3 }),
        async (body, shownAtEnd) => {
          const card = {
            type: 'AdaptiveCard' as const,
            version: '1.5',
            body,
            actions: [...shownAtEnd, { type: 'Action.OpenUrl', title: 'Board pack', url: 'https://x.example/b' }],
          };
          const out = await sent({ text: 'Termly digest.', card, fullText: textsIn(card).join('\n') });
          // The bot's own part within the limit; with what the connector adds (addresses, ids), within Teams' 28 KB.
          for (const a of out) expect(bytes(own(a))).to.be.at.most(LIMIT);
          for (const a of out) expect(bytes(a)).to.be.at.most(28 * 1024);
          const shown = cardsOf(out);
          // Always cards (no element is bigger than a message), every text once and in order.
          expect(shown).to.have.length(out.length);
          expect(shown.flatMap((c) => textsIn(c.body).concat(textsIn(c.actions)))).to.deep.equal(textsIn(card));
          // The card's other buttons only on the last part (its sections behind buttons may move into the body).
          const others = (c: Record<string, unknown>) =>
            ((c.actions as any[] | undefined) ?? []).filter((a) => a.type !== 'Action.ShowCard');
          expect(shown.slice(0, -1).map(others)).to.deep.equal(shown.slice(0, -1).map(() => []));
          expect(others(shown.at(-1)!)).to.deep.equal([card.actions.at(-1)]);
          // A section split over several buttons says which part each is.
          for (const c of shown)
            for (const t of cardTitles(c))
              expect(t).to.match(/^(Outcome scores|Waiting times|Measures|Responses)( \(\d+ of \d+\))?$/);
        },
      ),
      { numRuns: 60, seed: 20261207 },
    );
  });

  it('splits a section behind a button that is bigger than a message into numbered parts', async () => {
    const body = Array.from({ length: 40 }, (_, i) => ({ type: 'TextBlock', text: line(i), wrap: true }));
    const card = {
      type: 'AdaptiveCard' as const,
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Lead' },
        {
          type: 'ActionSet',
          actions: [{ type: 'Action.ShowCard', title: 'Measures', card: { type: 'AdaptiveCard', body } }],
        },
      ],
    };
    const out = await sent({ text: 'Digest.', card });
    for (const a of out) expect(bytes(a)).to.be.at.most(LIMIT);
    const titles = cardsOf(out).flatMap(cardTitles);
    expect(titles.length).to.be.greaterThan(1);
    expect(titles).to.deep.equal(titles.map((_, i) => `Measures (${i + 1} of ${titles.length})`));
    expect(textsIn(cardsOf(out).map((c) => c.body))).to.deep.equal(['Lead', ...body.map((b) => b.text)]);
  });

  const cardTitles = (c: { body: any[] }): string[] =>
    c.body.filter((e) => e.type === 'ActionSet').flatMap((e) => e.actions.map((a: any) => String(a.title)));

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
