import { GLOSSARY } from './domain/glossary.js';

/** Each word asked about, explained; with none recognised, the words it can explain. */
export function presentMeanings(ids: readonly string[]): string {
  const asked = GLOSSARY.filter((g) => ids.includes(g.id));
  if (asked.length === 0)
    return `Which word would you like explained? I can explain: ${GLOSSARY.map((g) => g.term).join(', ')}.`;
  return asked.map((g) => `${g.term}: ${g.meaning}`).join('\n\n');
}
