import type { ConnectorRun } from '@formboard/storage';
import type { Locale } from '../http/locale.ts';

/** A stored reason in the reader's language: both languages since they were kept, plain text before that. */
function reasonIn(reason: unknown, locale: Locale): unknown {
  if (reason === null || typeof reason !== 'object') return reason;
  const text = (reason as Record<string, unknown>)[locale];
  return typeof text === 'string' ? text : reason;
}

/**
 * A run as the API answers it, its reasons — the run's failure, each failed row's — in the caller's
 * language (by Accept-Language, like every error message of the API); codes, counts and rows as stored.
 */
export function connectorRunIn(run: ConnectorRun, locale: Locale): ConnectorRun {
  if (!run.result) return run;
  const { error, errors, ...rest } = run.result;
  return {
    ...run,
    result: {
      ...rest,
      ...(error === undefined ? {} : { error: reasonIn(error, locale) }),
      ...(Array.isArray(errors)
        ? {
            errors: errors.map((entry: Record<string, unknown>) => ({
              ...entry,
              message: reasonIn(entry.message, locale),
            })),
          }
        : {}),
    },
  };
}
