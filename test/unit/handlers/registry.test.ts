import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { INTENT_READERS } from '../../../src/routing/routes.js';
import { fakeWorld } from '../../support/fakes/fakeWorld.js';

/**
 * The route table is typed over every intent's name, so an intent without a route does not compile. What
 * the compiler cannot see is checked here: every verb a card template can send has a route, every route's
 * verb is on some card, and every capability reader's intent is routed.
 */
describe('the route table holds every intent and every card verb', () => {
  const { intents, verbs } = fakeWorld().router.routed();

  const cardsDir = path.resolve('cards');
  const templateVerbs = new Map<string, string[]>();
  const walk = (node: unknown, file: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, file));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'verb' && typeof value === 'string')
        templateVerbs.set(value, [...(templateVerbs.get(value) ?? []), file]);
      else walk(value, file);
    }
  };
  for (const file of readdirSync(cardsDir).filter((f) => f.endsWith('.json')))
    walk(JSON.parse(readFileSync(path.join(cardsDir, file), 'utf8')), file);

  it('finds the verbs the card templates send', () => {
    expect(templateVerbs.size).to.be.at.least(5);
  });

  it('every verb in cards/*.json has a route', () => {
    const missing = [...templateVerbs.keys()].filter((v) => !verbs.includes(v));
    expect(
      missing,
      `verbs with no route: ${missing.map((v) => `${v} (${templateVerbs.get(v)?.join(', ')})`).join('; ')}`,
    ).to.deep.equal([]);
  });

  it('every routed verb is on some card template', () => {
    expect(verbs.filter((v) => !templateVerbs.has(v))).to.deep.equal([]);
  });

  it("the board's reporting is routed: exceptions commentary, the public figures card, the board pack", () => {
    expect(verbs).to.include.members(['exception.edit', 'exception.save', 'public.save']);
    expect(intents).to.include.members(['exceptions', 'boardPack', 'publicFigures']);
  });

  it("every capability reader's intent has its route", () => {
    expect(INTENT_READERS.length).to.be.at.least(1);
    for (const reader of INTENT_READERS) expect(intents, reader.intent).to.include(reader.intent);
  });
});
