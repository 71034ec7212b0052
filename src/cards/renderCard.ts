import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { fromRoot } from '../domain/projectPaths.js';
import type { AdaptiveCardJson } from '../ports/messages.js';
import type { CardDataByTemplate, CardTemplateName } from './cardModels.js';

const templates = new Map<CardTemplateName, ACData.Template>();

function template(name: CardTemplateName): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    // The template object is shared; Template.expand never mutates it, and each render returns new JSON.
    t = new ACData.Template(JSON.parse(readFileSync(fromRoot('cards', `${name}.json`), 'utf8')));
    templates.set(name, t);
  }
  return t;
}

/**
 * Renders a card template in cards/ with its typed data. Fails loudly if any `${…}` is left unbound,
 * because the templating library leaves unknown bindings as literal text a family would see.
 */
export function renderCard<N extends CardTemplateName>(name: N, data: CardDataByTemplate[N]): AdaptiveCardJson {
  const card = template(name).expand({ $root: data }) as AdaptiveCardJson;
  const text = JSON.stringify(card);
  if (text.includes('${')) throw new Error(`card ${name}: an unbound \${...} is left in the rendered card`);
  return card;
}
