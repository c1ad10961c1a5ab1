import { Readable } from 'node:stream';
import type { RejectedRows } from './rejectedRows.ts';
import type { ImportReport } from './runImport.ts';

/**
 * The import route's answer as a stream of JSON: the report, and the rejected rows' CSV as its
 * `rejectedCsv` text, read from their temporary file chunk by chunk and escaped as it goes, so the
 * server never holds the CSV (nor its JSON form) whole. The file is deleted when the answer ends,
 * however it ends (sent, or the client gone).
 */
export function importAnswer(report: ImportReport, rejected: RejectedRows | undefined): Readable {
  const head = JSON.stringify(report);
  if (!rejected) return Readable.from([head]);
  async function* body(file: RejectedRows): AsyncGenerator<string> {
    // `head` is an object's text: reopen it for one more property.
    yield `${head.slice(0, -1)},"rejectedCsv":"`;
    // A chunk is whole characters, so each escapes on its own; drop the quotes JSON puts around it.
    for await (const chunk of file.read()) yield JSON.stringify(chunk).slice(1, -1);
    yield '"}';
  }
  const stream = Readable.from(body(rejected));
  stream.once('close', () => void rejected.remove());
  return stream;
}
