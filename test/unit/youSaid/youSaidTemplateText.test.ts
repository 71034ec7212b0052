import { expect } from 'chai';
import type { Reply } from '../../../src/ports/messages.js';
import { FakeTurn, fakeWorld, MANAGER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/**
 * A manager's "you said, we did" words containing `${…}`, which the card templates must not take for
 * bindings: published, then opened for editing with the words as saved; a refused save keeps the typed
 * form. On the fakes: the product's routes, service and card templates on in-memory stores, the card
 * buttons pressed through the router as the channel layer would.
 */
describe('"you said, we did" words that look like template bindings (unit, on the fakes)', () => {
  const MANAGER_ID = 'ffffffff-0000-0000-0000-0000000000a1';
  const YOU_SAID = 'Transport costs ${fares} went up, ${title} and ${';
  const WE_DID = 'We capped fares at ${5} a day';
  let w: FakeWorld;

  beforeEach(() => {
    w = fakeWorld();
  });

  /** A pressed card button: the card put in place of the pressed one, then what was said. */
  const press = async (value: Record<string, unknown>): Promise<Reply[]> => {
    const turn = new FakeTurn(MANAGER, { value, userId: MANAGER_ID, conversationId: 'manager-chat' });
    const outcome = await w.router.routeCard(turn);
    return [...(outcome?.replaceWith ? [outcome.replaceWith] : []), ...turn.said];
  };
  const texts = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
  const inputValues = (replies: Reply[]) =>
    ((replies.filter((r) => r.card).at(-1)?.card?.body as any[]) ?? [])
      .filter((e: any) => e.type === 'Input.Text')
      .map((e: any) => e.value as string);

  it('publishes the entry and opens it for editing with the words exactly as saved', async () => {
    const saved = await press({ verb: 'yousaid.save', id: '', outcome: 'support', youSaid: YOU_SAID, weDid: WE_DID });
    expect(texts(saved)).to.include('Added. It is public now.');
    const [entry] = await w.youSaidService.current();
    expect(entry).to.deep.include({ youSaid: YOU_SAID, weDid: WE_DID });
    const edit = await press({ verb: 'yousaid.edit', id: entry!.id });
    expect(texts(edit)).not.to.match(/something went wrong/i);
    expect(inputValues(edit)).to.deep.equal([YOU_SAID, WE_DID]);
  });

  it('keeps the typed form when a save is refused', async () => {
    const refused = await press({
      verb: 'yousaid.save',
      id: '',
      outcome: 'support',
      youSaid: `AR-1042 said ${YOU_SAID}`,
      weDid: WE_DID,
    });
    expect(texts(refused)).to.include('seems to contain a review reference');
    expect(inputValues(refused)).to.deep.equal([`AR-1042 said ${YOU_SAID}`, WE_DID]);
  });
});
