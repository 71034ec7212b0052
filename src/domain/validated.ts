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
