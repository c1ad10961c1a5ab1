import pg from 'pg';
import type { Dialect, Row } from '../Dialect.ts';

const INT8 = 20;
const POOL_SIZE = 10;

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

  async snapshot<T>(work: (tx: Dialect) => Promise<T>): Promise<T> {
    return work(this);
  }

  async close(): Promise<void> {}
}

/** PostgreSQL through a connection pool; each transaction holds one client. */
export class PostgresDialect implements Dialect {
  readonly name = 'postgres' as const;
  private readonly pool: pg.Pool;

  constructor(connectionString: string) {
    this.pool = new pg.Pool({ connectionString, max: POOL_SIZE, types: { getTypeParser: typeParser } });
    // The server closing an idle pooled connection (a restart, a failover, pg_terminate_backend, a
    // proxy's idle timeout) is an 'error' event on the pool; unheard, Node ends the whole process. The
    // pool has already dropped that client, and the next query opens a new connection.
    this.pool.on('error', () => undefined);
  }

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.pool.query(numbered(sql), [...params])).rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return { changes: (await this.pool.query(numbered(sql), [...params])).rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: Dialect) => Promise<T>): Promise<T> {
    return this.inTransaction('BEGIN', work);
  }

  async snapshot<T>(work: (tx: Dialect) => Promise<T>): Promise<T> {
    return this.inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work);
  }

  /**
   * Runs `work` on one pooled connection outside any transaction: for statements that cannot run in
   * one (`CREATE INDEX CONCURRENTLY`) and for session settings and locks. If `work` fails the
   * connection is closed rather than pooled, so nothing it set or held outlives it.
   */
  async session<T>(work: (db: Dialect) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let failed: unknown;
    const onError = (error: Error) => {
      failed = error;
    };
    client.on('error', onError);
    try {
      return await work(new PostgresClient(client));
    } catch (error) {
      failed = error;
      throw error;
    } finally {
      client.off('error', onError);
      client.release(failed !== undefined);
    }
  }

  private async inTransaction<T>(begin: string, work: (tx: Dialect) => Promise<T>): Promise<T> {
    const client = await this.beginOnLiveConnection(begin);
    // Likewise for a connection lost between two statements of the transaction: heard here, it makes
    // the next statement fail, which rolls the transaction back instead of ending the process.
    let lost: Error | undefined;
    const onError = (error: Error) => {
      lost = error;
    };
    client.on('error', onError);
    try {
      const result = await work(new PostgresClient(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // On a lost connection ROLLBACK fails too (the server has rolled back already): the caller
      // hears the first error, not that one.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      client.release(lost);
    }
  }

  /**
   * A pooled connection with `begin` run on it. The server may have closed idle pooled connections
   * (a restart, pg_terminate_backend) before Node heard of it: such a connection fails at BEGIN,
   * before any statement of the transaction ran, so it is dropped and the next one tried — at most
   * as many times as the pool holds connections, then once on a new one.
   */
  private async beginOnLiveConnection(begin: string): Promise<pg.PoolClient> {
    for (let tries = 1; ; tries++) {
      const client = await this.pool.connect();
      // Heard (and answered by the failing query) rather than left to end the process.
      const ignore = () => undefined;
      client.on('error', ignore);
      try {
        await client.query(begin);
        return client;
      } catch (error) {
        client.release(true);
        if (tries > POOL_SIZE) throw error;
      } finally {
        client.off('error', ignore);
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
