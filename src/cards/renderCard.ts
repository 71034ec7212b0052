import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { fromRoot } from '../config/projectPaths.js';
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
 *
 * Text in the data is what people typed, and a typed `${…}` must be shown as typed, never evaluated nor
 * mistaken for a binding left unbound. So every `$` in the data travels through the templating as a
 * private-use pair and is put back only after the check: the check then sees the template's own `${`
 * alone. The escape is reversible (the marker itself is escaped too), so no typed character is lost.
 */
export function renderCard<N extends CardTemplateName>(name: N, data: CardDataByTemplate[N]): AdaptiveCardJson {
  const card = template(name).expand({ $root: hideDollars(data) }) as AdaptiveCardJson;
  const text = JSON.stringify(card);
  if (text.includes('${')) throw new Error(`card ${name}: an unbound \${...} is left in the rendered card`);
  return restoreDollars(card) as AdaptiveCardJson;
}

const MARK = '\uE000';
const MARKED_MARK = '\uE000\uE001';
const MARKED_DOLLAR = '\uE000\uE002';

function hideDollars(value: unknown): unknown {
  return mapStrings(value, (s) => s.replace(/[\uE000$]/g, (c) => (c === '$' ? MARKED_DOLLAR : MARKED_MARK)));
}

function restoreDollars(value: unknown): unknown {
  return mapStrings(value, (s) =>
    s.includes(MARK) ? s.replace(/\uE000([\uE001\uE002])/g, (_, c: string) => (c === '\uE002' ? '$' : MARK)) : s,
  );
}

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}
