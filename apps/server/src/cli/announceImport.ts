import type { RecordEvent } from '../events/ChangeEvent.ts';
import { postgresEventBus } from '../events/postgresEventBus.ts';
import { isPostgres } from './options.ts';

/**
 * Tells the servers on the same PostgreSQL database that a command-line import added records, so
 * their open boards and lists reload at once (as after an import in the studio). A SQLite database
 * has no channel between processes: open boards there show the records on their next load.
 * Announcing is a courtesy — the records are committed — so a failure is reported, not thrown.
 */
export async function announceImport(database: string, event: RecordEvent): Promise<string | undefined> {
  if (!isPostgres(database)) return undefined;
  let failure: string | undefined;
  const bus = await postgresEventBus(database, (error) => {
    failure = error.message;
  }).catch((error: Error) => {
    failure = error.message;
    return undefined;
  });
  if (!bus) return failure;
  try {
    await bus.publish(event);
  } catch (error) {
    failure = (error as Error).message;
  } finally {
    await bus.close();
  }
  return failure;
}
