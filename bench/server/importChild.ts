/**
 * One import measured in a process of its own (so its peak RSS is the import's): opens `database`,
 * publishes the demo check-in form, then commits the CSV at `file` through `runImport` — the import
 * route's code — streams the answer the route would send into a byte counter, and prints one JSON line:
 * rows inserted and rejected, the answer's size, seconds, RSS before the import, the process's
 * peak RSS and the peak of V8's used heap (sampled). Started by importMemory.ts;
 * `tsx server/importChild.ts <database> <file.csv> [rejectAll|skipInvalid]`.
 */
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getHeapStatistics } from 'node:v8';
import { openStore } from '@formboard/storage';
import { DEMO_FORM } from '../../apps/server/src/demo/demoForm.ts';
import { importAnswer } from '../../apps/server/src/imports/importAnswer.ts';
import { readTable } from '../../apps/server/src/imports/readTable.ts';
import { runImport } from '../../apps/server/src/imports/runImport.ts';
import { recordDeriver } from '../../apps/server/src/records/recordDeriver.ts';

const [database, file, onInvalid = 'rejectAll'] = process.argv.slice(2);
if (!database || !file || (onInvalid !== 'rejectAll' && onInvalid !== 'skipInvalid'))
  throw new Error('usage: importChild.ts <database> <file.csv> [rejectAll|skipInvalid]');
const store = await openStore({ database, recordDeriver });
await store.people.saveOrgUnit({ id: 'hq', name: '总部', parentId: null }, 'bench');
await store.people.saveUsers(
  [
    {
      id: 'hr',
      name: 'HR',
      email: null,
      orgUnitId: 'hq',
      supervisorId: null,
      roles: ['admin'],
      disabled: false,
    },
  ],
  'bench',
);
const created = await store.definitions.create(DEMO_FORM, { author: 'bench' });
await store.definitions.publish(DEMO_FORM.id, created.version, { author: 'bench' });
const before = process.memoryUsage().rss;
// V8 keeps no peak of the heap: sample it (every 20 ms, whenever the import yields to the event loop).
let peakHeap = 0;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
}, 20);
const started = performance.now();
const { report, rejected } = await runImport(store, {
  formId: DEMO_FORM.id,
  table: readTable(createReadStream(file), 'csv'),
  mode: 'commit',
  onInvalid,
  writer: { actor: 'hr', ownerId: 'hr', orgUnitId: 'hq' },
  hidden: new Set(),
  locale: 'zh-CN',
  origin: { via: 'api', fileName: 'checkins.csv' },
});
// The route's answer (the report as JSON, the rejected rows' CSV inside it), streamed to nowhere.
let answerBytes = 0;
const counted = new Writable({
  write(chunk: Buffer, _encoding, done) {
    answerBytes += chunk.length;
    done();
  },
});
await pipeline(importAnswer(report, rejected), counted);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
await store.close();
console.log(
  JSON.stringify({
    rows: report.rows,
    inserted: report.inserted,
    invalid: report.invalid,
    answerBytes,
    seconds,
    rssBefore: before,
    peakHeap,
    peakRss: process.resourceUsage().maxRSS * 1024,
  }),
);
