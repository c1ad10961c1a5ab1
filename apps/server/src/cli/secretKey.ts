import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newSecretKey, type SecretBox, secretBox } from '../outbound/secretBox.ts';
import { isPostgres } from './options.ts';
import { say } from './say.ts';

/**
 * The key that seals connector secrets: FORMBOARD_SECRET_KEY, the same on every server. A single
 * SQLite server without it keeps a generated key in `secret.key` beside the database (mode 0600;
 * back it up with the database, apart from it). With PostgreSQL and no key, secrets are refused.
 */
export function secretBoxFor(database: string): SecretBox | undefined {
  const fromEnv = process.env.FORMBOARD_SECRET_KEY;
  if (fromEnv) return secretBox(fromEnv);
  if (isPostgres(database)) {
    console.error(
      say({
        'zh-CN':
          '未设置 FORMBOARD_SECRET_KEY：外部数据连接不能保存密钥（openssl rand -base64 32 生成一个，每台服务器相同）。',
        en: 'FORMBOARD_SECRET_KEY is not set: connectors cannot store secrets (generate one with openssl rand -base64 32; the same on every server).',
      }),
    );
    return undefined;
  }
  const file = join(dirname(database), 'secret.key');
  if (!existsSync(file)) writeFileSync(file, `${newSecretKey()}\n`, { mode: 0o600 });
  return secretBox(readFileSync(file, 'utf8').trim());
}
