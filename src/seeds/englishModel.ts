import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import type { English } from '../features/worries/domain/worryText.js';

let english: English | undefined;

/**
 * wink-nlp with its English model (shipped in npm), for the worry rules' lemmas. Loaded once, on first use
 * (about half a second with its set-up), not at start-up: most turns never read a family's words, and the
 * platform waits for the bot to be ready. A cache, not configuration: every caller gets the same model.
 */
export function englishModel(): English {
  if (!english) {
    const model = createRequire(import.meta.url)('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0];
    english = winkNLP(model);
  }
  return english;
}
