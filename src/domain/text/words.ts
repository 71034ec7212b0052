/** Text as lower-case words: apostrophes dropped ("Don't" is "dont"), everything else not a letter or digit splits. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`']/g, '')
    .split(/[^a-z0-9:]+/)
    .map((w) => w.replace(/^:+|:+$/g, ''))
    .filter(Boolean);
}
