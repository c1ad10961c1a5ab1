import autocannon from 'autocannon';
import { type Session, writeHeaders } from './session.ts';

/** What a load run measured. */
export interface LoadResult {
  readonly seconds: number;
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  /** Ids of the records the server answered 2xx for. */
  readonly acknowledged: readonly string[];
}

/** A valid weekly check-in; the note varies per request so rows differ. */
const body = (n: number) =>
  JSON.stringify({ data: { week: '2026-11-23', progress: n % 101, note: `负载测试 ${n}` } });

/**
 * Submits records with `connections` concurrent connections for `seconds` (autocannon on 127.0.0.1),
 * remembering every record id the server acknowledged. `during` runs alongside (the fault test kills
 * the server from it); the run ends early when it resolves with "stop".
 */
export async function submitRecords(
  url: string,
  session: Session,
  options: { connections: number; seconds: number; during?: () => Promise<'stop' | 'continue'> },
): Promise<LoadResult> {
  const acknowledged: string[] = [];
  let n = 0;
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url,
      connections: options.connections,
      duration: options.seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/forms/weekly-checkin/records',
          headers: writeHeaders(session),
          setupRequest: (request) => ({ ...request, body: body(n++) }),
          onResponse: (status, responseBody) => {
            if (status === 201) acknowledged.push((JSON.parse(responseBody) as { id: string }).id);
          },
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  options
    .during?.()
    .then((next) => {
      if (next === 'stop') instance.stop();
    })
    .catch(() => instance.stop());
  const result = await done;
  return {
    seconds: result.duration,
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    acknowledged,
  };
}
