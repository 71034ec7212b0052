import { expect } from 'chai';
import { understand } from '../../support/language.js';
import { SERVICES } from './servicesFixture.js';

/** Words that name members of Object.prototype once made a lookup return a function and failed the turn. */
describe('understanding words that are also JavaScript object members', () => {
  const words = [
    'constructor',
    '__proto__',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    '__defineGetter__',
    'propertyIsEnumerable',
    'toLocaleString',
  ];
  for (const word of words) {
    it(`reads "${word}" (alone, in a sentence, and as an entity) without failing`, () => {
      for (const text of [word, `what is the ${word} wait for SALT`, `&${word};`, `${word}'s`, `${word}n't`]) {
        expect(() => understand(text, SERVICES), text).not.to.throw();
      }
      expect(understand(`what is the ${word} wait for SALT`, SERVICES)).to.deep.include({
        intent: 'waits',
        service: 'salt',
      });
    });
  }
});
