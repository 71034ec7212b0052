import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export type DirectLineToken = { token: string; userId: string; conversationId: string; domain: string };

export interface DirectLineTokens {
  issue(): Promise<DirectLineToken>;
}

const generated = z.object({
  token: z.string().min(1),
  conversationId: z.string().min(1),
  expires_in: z.number().optional(),
});

/**
 * Production: exchanges the Direct Line secret for a token for one new conversation, on the server, so
 * the secret never reaches the browser. The user id is random per conversation (no personal data).
 */
export class DirectLineServiceTokens implements DirectLineTokens {
  constructor(
    private readonly secret: string,
    private readonly endpoint: string,
  ) {}

  async issue(): Promise<DirectLineToken> {
    const userId = `dl_${randomBytes(12).toString('hex')}`;
    const res = await fetch(`${this.endpoint}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`Direct Line refused the token request (HTTP ${res.status})`);
    const body = generated.parse(await res.json());
    // The page is told where Direct Line is, so a regional endpoint (or the local one) is used by the browser too.
    return { token: body.token, conversationId: body.conversationId, userId, domain: `${this.endpoint}/v3/directline` };
  }
}
