// `pnpm start`: will start the server and the studio on an embedded SQLite file.
// Until those exist it says so plainly instead of pretending.
const lines = [
  'Formboard is not runnable as an app yet.',
  '',
  'Built so far:',
  '  - @formboard/formula  the formula language (packages/formula; docs/formula.md)',
  '',
  'Not built yet: the server (apps/server), the studio (apps/studio), storage, the form runtime,',
  'dashboards, workflows and the performance starter pack. See docs/architecture.md for the plan.',
  '',
  'What you can run today:',
  '  pnpm test    every test',
  '  pnpm bench   the formula benchmark against jexl, json-logic-js and expr-eval',
];
console.log(lines.join('\n'));
