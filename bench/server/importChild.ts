/**
 * One import measured in a process of its own (so its peak RSS is the import's): opens `database`,
 * publishes the demo check-in form, then commits the CSV at `file` through `runImport` — the import
 * route's code — and prints one JSON line: rows inserted, seconds, RSS before the import and the
 * process's peak RSS. Started by importMemory.ts; `tsx server/importChild.ts <database> <file.csv>`.
 */
import { createReadStream } from 'node:fs';
import { openStore } from '@formboard/storage';
import { DEMO_FORM } from '../../apps/server/src/demo/demoForm.ts';
import { readTable } from '../../apps/server/src/imports/readTable.ts';
import { runImport } from '../../apps/server/src/imports/runImport.ts';
import { recordDeriver } from '../../apps/server/src/records/recordDeriver.ts';

const [database, file] = process.argv.slice(2);
if (!database || !file) throw new Error('usage: importChild.ts <database> <file.csv>');
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
const started = performance.now();
const report = await runImport(store, {
  formId: DEMO_FORM.id,
  table: readTable(createReadStream(file), 'csv'),
  mode: 'commit',
  onInvalid: 'rejectAll',
  writer: { actor: 'hr', ownerId: 'hr', orgUnitId: 'hq' },
  hidden: new Set(),
  locale: 'zh-CN',
});
const seconds = (performance.now() - started) / 1000;
await store.close();
console.log(
  JSON.stringify({
    rows: report.rows,
    inserted: report.inserted,
    seconds,
    rssBefore: before,
    peakRss: process.resourceUsage().maxRSS * 1024,
  }),
);
