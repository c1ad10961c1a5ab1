import pg from 'pg';
import type { Dialect, Row } from '../Dialect.ts';

const INT8 = 20;

// BIGINT (sequence numbers, counts) as JavaScript numbers: ours stay far below 2^53.
function typeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8) return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}

/** "? and ?" → "$1 and $2": the store writes portable SQL with `?` placeholders. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

class PostgresClient implements Dialect {
  readonly name = 'postgres' as const;
  constructor(private readonly client: pg.ClientBase) {}

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.client.query(numbered(sql), [...params])).rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return { changes: (await this.client.query(numbered(sql), [...params])).rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: Dialect) => Promise<T>): Promise<T> {
    return work(this);
  }

  async close(): Promise<void> {}
}

/** PostgreSQL through a connection pool; each transaction holds one client. */
export class PostgresDialect implements Dialect {
  readonly name = 'postgres' as const;
  private readonly pool: pg.Pool;

  constructor(connectionString: string) {
    this.pool = new pg.Pool({ connectionString, max: 10, types: { getTypeParser: typeParser } });
  }

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.pool.query(numbered(sql), [...params])).rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return { changes: (await this.pool.query(numbered(sql), [...params])).rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: Dialect) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(new PostgresClient(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
