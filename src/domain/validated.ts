import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * Data from outside the code (a seed file, a stored entity) checked against its schema, or an error naming
 * the first field that does not fit: `<context> <path>: <what is wrong>`.
 */
export function validated<T>(schema: z.ZodType<T>, raw: unknown, context: string): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${context} ${issue?.path.join('.') || '(top level)'}: ${issue?.message}`);
}

/** A JSON seed file, checked: a bad one stops the bot with the file and field named. */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>): T {
  return validated(schema, JSON.parse(readFileSync(file, 'utf8')), `${file}:`);
}
