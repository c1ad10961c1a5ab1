// `pnpm start`: will start the server and the studio on an embedded SQLite file.
// Until those exist it says so plainly instead of pretending.
const lines = [
  'Formboard is not runnable as an app yet.',
  '',
  'Built so far (libraries, each with its own README and tests):',
  '  - @formboard/formula       the formula language (docs/formula.md)',
  '  - @formboard/schema        definitions, validation, migrations, importers (docs/definitions.md)',
  '  - @formboard/form-runtime  the form engine and its React renderer',
  '  - @formboard/storage       versioned definitions, records, audit log on SQLite and PostgreSQL',
  '',
  'Not built yet: the server (apps/server), the studio (apps/studio), the dashboard widgets, the',
  'workflow engine and the performance starter pack. See docs/architecture.md for the plan.',
  '',
  'What you can run today:',
  '  pnpm test    every test',
  '  pnpm bench   the formula benchmark against jexl, json-logic-js and expr-eval',
];
console.log(lines.join('\n'));
