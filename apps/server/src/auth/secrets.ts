import { createHash, randomBytes } from 'node:crypto';

/** A fresh unguessable secret (256 bits, base64url) with an optional recognisable prefix. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** How session ids and API tokens are stored: SHA-256 is enough for 256-bit random secrets. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
