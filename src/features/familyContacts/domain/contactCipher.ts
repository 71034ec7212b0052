import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Contact details at rest: AES-256-GCM under a key from configuration, a fresh 96-bit nonce each time, and the
 * invitation code as associated data, so a sealed value copied onto another invitation's row does not open.
 * Written `v1.<nonce>.<tag>.<ciphertext>` (base64url). A changed byte anywhere is refused, never half-read.
 */
const VERSION = 'v1';

export class ContactCipher {
  private readonly key: Buffer;

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new Error('the contact encryption key must be 32 bytes');
    this.key = Buffer.from(key);
  }

  seal(plaintext: string, boundTo: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, nonce, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The plaintext, or undefined when the value was changed, belongs to another row or another key. */
  open(sealed: string, boundTo: string): string | undefined {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) return undefined;
    const [nonce, tag, body] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
    // Only the canonical spelling opens: base64's spare low bits must not let a changed character through.
    if (parts.slice(1).some((p, i) => [nonce, tag, body][i]!.toString('base64url') !== p)) return undefined;
    if (nonce!.length !== 12 || tag!.length !== 16) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, nonce!);
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
