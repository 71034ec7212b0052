import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../config/projectPaths.js';
import { legalTextFrom, type LegalText } from '../domain/legal/legalText.js';
import { errataFrom, type Errata } from '../domain/survey/errata.js';
import { questionBankFrom, type QuestionBank } from '../domain/survey/questionBank.js';
import { parseTermCalendar, type TermCalendar } from '../domain/terms/termCalendar.js';
import { parseMeasureCatalogue, type MeasureCatalogue } from '../features/measures/domain/measureCatalogue.js';
import { themeListFrom, type ThemeList } from '../features/themes/domain/themeList.js';
import { parseServiceCatalogue, type Service } from '../features/waits/domain/serviceCatalogue.js';
import {
  examplesOf,
  worryExampleSetFrom,
  worryListFrom,
  WorryPhrases,
  type WorryExampleSet,
} from '../features/worries/domain/worryPhrases.js';
import { englishModel } from './englishModel.js';

/**
 * The seed files, read at the edge: each loader reads its file and hands the JSON to the domain's pure
 * parse function, which checks it and names the field that is wrong. Only composition roots, the CLI, the
 * demo and tests call these; the domain is given what they return. Defaults are the project's seeds/.
 */

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

export function loadErrata(file = fromRoot('seeds', 'errata.json')): Errata {
  return errataFrom(readJson(file));
}

/** The bank families see (errata applied); `errata: false` gives the file exactly as the framework has it. */
export function loadQuestionBank(
  file = fromRoot('seeds', 'question-bank.json'),
  errata: Errata | false = loadErrata(),
): QuestionBank {
  return questionBankFrom(readJson(file), errata);
}

export function loadTermCalendar(file = fromRoot('seeds', 'terms.json')): TermCalendar {
  return parseTermCalendar(readJson(file));
}

export function loadServiceCatalogue(file = fromRoot('seeds', 'services.json')): Service[] {
  let raw: unknown;
  try {
    raw = readJson(file);
  } catch (error) {
    const reason = error instanceof SyntaxError ? `is not valid JSON (${error.message})` : 'could not be read';
    throw new Error(`services catalogue ${file} ${reason}`, { cause: error });
  }
  return parseServiceCatalogue(raw, `services catalogue ${file}`);
}

export function loadMeasureCatalogue(file = fromRoot('seeds', 'measures.json')): MeasureCatalogue {
  let raw: unknown;
  try {
    raw = readJson(file);
  } catch (error) {
    throw new Error(`measures catalogue ${file} could not be read: ${(error as Error).message}`);
  }
  return parseMeasureCatalogue(raw, `measures catalogue ${file}`);
}

/** The themes families' own words are counted under; the compact copy of every saved comment carries them. */
export function loadThemeList(file = fromRoot('seeds', 'themes.json')): ThemeList {
  return themeListFrom(readJson(file), file);
}

/** The privacy notice and terms: a missing or invalid file stops the bot at start-up, naming the file. */
export function loadLegalText(file: string): LegalText {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} could not be read`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`${file} is not JSON`);
  }
  return legalTextFrom(json, file);
}

/** The labelled example sets (seeds/worry-examples/<name>.json), by name. */
export function loadWorryExamples(dir = fromRoot('seeds', 'worry-examples')): Map<string, WorryExampleSet> {
  const sets = new Map<string, WorryExampleSet>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = path.join(dir, name);
    sets.set(name.replace(/\.json$/, ''), worryExampleSetFrom(readJson(file), file));
  }
  return sets;
}

/** A cache, not configuration: one list per file and examples folder, so its model is trained once per process. */
const loadedWorryPhrases = new Map<string, WorryPhrases>();

/** The reviewed worry list, reading lemmas with the English model and learning from the labelled examples. */
export function loadWorryPhrases(
  file = fromRoot('seeds', 'worry-phrases.json'),
  examplesDir = fromRoot('seeds', 'worry-examples'),
): WorryPhrases {
  const key = `${file}\u0000${examplesDir}`;
  let phrases = loadedWorryPhrases.get(key);
  if (!phrases) {
    phrases = new WorryPhrases(worryListFrom(readJson(file), file), englishModel, () =>
      examplesOf(loadWorryExamples(examplesDir).values()),
    );
    loadedWorryPhrases.set(key, phrases);
  }
  return phrases;
}
