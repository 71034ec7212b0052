import { expect } from 'chai';
import sinon from 'sinon';
import { z } from 'zod';
import { cardRoute, intentRoute } from '../../../src/routing/route.js';
import { Router } from '../../../src/routing/router.js';
import { digestIntent } from '../../../src/features/digests/digestIntent.js';
import { FakeTurn, FAMILY, MANAGER, PRACTITIONER } from '../../support/fakes/fakeWorld.js';

/** The router alone, with stub routes: lookup, one permission check, input checked before the handler. */
describe('router (unit)', () => {
  function routerWith() {
    const scores = sinon.spy(async (_turn: unknown, _input: unknown) => undefined);
    const digest = sinon.spy(async () => undefined);
    const help = sinon.spy(async () => undefined);
    const press = sinon.spy(async (_turn: unknown, _input: unknown) => ({ replaceWith: { text: 'replaced' } }));
    const router = new Router({
      services: () => [],
      measures: () => [],
      // The digest is read by its capability's reader, as in the bot.
      readers: [digestIntent.reader],
      intents: [
        intentRoute({
          intent: 'help',
          requires: 'anyone',
          refusal: '',
          input: z.object({ intent: z.literal('help') }),
          handle: help,
        }),
        intentRoute({
          intent: 'scores',
          requires: 'seeFigures',
          refusal: 'Figures are for staff.',
          input: z.looseObject({ intent: z.literal('scores') }) as never,
          handle: scores,
        }),
        intentRoute({
          intent: 'digest',
          requires: ({ action }) => (action === 'preview' ? 'seeFigures' : 'subscribe'),
          refusal: ({ action }) => `No ${action} for you.`,
          input: z.object({
            intent: z.literal('digest'),
            action: z.enum(['subscribe', 'unsubscribe', 'preview', 'sendNow']),
          }),
          handle: digest,
        }),
      ],
      cards: [
        cardRoute({
          verb: 'thing.press',
          requires: 'invite',
          refusal: 'Not yours.',
          unreadable: 'Cannot read that card.',
          input: z.object({ verb: z.string(), n: z.number() }),
          handle: press,
        }),
      ],
    });
    return { router, scores, digest, help, press };
  }

  it('sends a question to the one route of its intent, and checks the roles once', async () => {
    const { router, scores, help } = routerWith();
    const turn = new FakeTurn(PRACTITIONER, { text: 'outcome scores this term' });
    await router.routeText(turn);
    expect(scores.calledOnce).to.equal(true);
    expect(help.called).to.equal(false);
    expect(turn.rolesAsked).to.equal(1);
  });

  it('refuses without running the handler; a family also hears how to start their survey', async () => {
    const { router, scores } = routerWith();
    const family = new FakeTurn(FAMILY, { text: 'outcome scores this term' });
    await router.routeText(family);
    expect(scores.called).to.equal(false);
    expect(family.texts).to.deep.equal([
      'Figures are for staff. If you have a survey invitation, type its code to start or carry on.',
    ]);
  });

  it('takes a requirement that depends on what was asked (preview for staff, subscribe for managers)', async () => {
    const { router, digest } = routerWith();
    const practitioner = new FakeTurn(PRACTITIONER, { text: 'subscribe to the termly digest' });
    await router.routeText(practitioner);
    expect(practitioner.texts).to.deep.equal(['No subscribe for you.']);
    await router.routeText(new FakeTurn(PRACTITIONER, { text: 'preview the digest' }));
    await router.routeText(new FakeTurn(MANAGER, { text: 'subscribe to the termly digest' }));
    expect(digest.callCount).to.equal(2);
  });

  it('answers an unknown button and an unreadable card in words, and runs no handler', async () => {
    const { router, press } = routerWith();
    const unknown = new FakeTurn(PRACTITIONER, { value: { verb: 'gone.away' } });
    expect(await router.routeCard(unknown)).to.equal(undefined);
    expect(unknown.texts[0]).to.match(/don't recognise that button/);
    const bad = new FakeTurn(PRACTITIONER, { value: { verb: 'thing.press', n: 'seven' } });
    await router.routeCard(bad);
    expect(bad.texts).to.deep.equal(['Cannot read that card.']);
    expect(press.called).to.equal(false);
  });

  it("returns a card handler's outcome, after checking the person may press it", async () => {
    const { router, press } = routerWith();
    const family = new FakeTurn(FAMILY, { value: { verb: 'thing.press', n: 1 } });
    expect(await router.routeCard(family)).to.equal(undefined);
    expect(family.texts[0]).to.match(/^Not yours\./);
    const staff = new FakeTurn(PRACTITIONER, { value: { verb: 'thing.press', n: 1 } });
    expect(await router.routeCard(staff)).to.deep.equal({ replaceWith: { text: 'replaced' } });
    expect(press.calledOnceWith(staff, { verb: 'thing.press', n: 1 })).to.equal(true);
  });

  it('throws (a bug, logged by the channel layer) when an intent has no route', async () => {
    const { router } = routerWith();
    const turn = new FakeTurn(PRACTITIONER, { text: 'current wait for SALT' });
    let error: unknown;
    await router.routeText(turn).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/no route for the intent "waits"/);
  });

  it('ignores an empty message', async () => {
    const { router, help } = routerWith();
    const turn = new FakeTurn(PRACTITIONER, { text: '' });
    await router.routeText(turn);
    expect(help.called).to.equal(false);
    expect(turn.said).to.deep.equal([]);
  });
});
