import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Connector credentials (ERP tokens, passwords in headers) are stored encrypted with AES-256-GCM, so
// a copy of the database or a backup does not hand out the keys to other systems. The key lives
// outside the database: FORMBOARD_SECRET_KEY (32 bytes, base64), the same on every server.
const VERSION = 'v1';

/** Encrypts and decrypts small secrets with one 256-bit key. */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** A SecretBox over a base64 key of exactly 32 bytes. */
export function secretBox(base64Key: string): SecretBox {
  const key = Buffer.from(base64Key, 'base64');
  if (key.length !== 32)
    throw new Error('FORMBOARD_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        data.toString('base64url'),
      ].join('.');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/** A fresh random key, base64 (what `openssl rand -base64 32` prints). */
export function newSecretKey(): string {
  return randomBytes(32).toString('base64');
}
