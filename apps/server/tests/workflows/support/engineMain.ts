import { createInterface } from 'node:readline';
import { openStore } from '@formboard/storage';
import type { OutboundPort } from '@formboard/workflow';
import { postgresEventBus } from '../../../src/events/postgresEventBus.ts';
import { secretBox } from '../../../src/outbound/secretBox.ts';
import { recordDeriver } from '../../../src/records/recordDeriver.ts';
import { hostWorkflows } from '../../../src/workflows/hostWorkflows.ts';
import { robotOutbound } from '../../../src/workflows/robotOutbound.ts';

// The workflow engine alone in a process, hosted as `formboard serve --workflows on` hosts it (the
// PostgreSQL event bus, robotOutbound, hostWorkflows, settings from FORMBOARD_WORKFLOW_*), without
// the HTTP server, whose imports make a start several times slower. It loads everything, prints
// {"event":"warm"}, and starts the engine on a "go" line on stdin ({"event":"started"}), so the kill
// test can have the next process ready while the current one works. Usage: engineMain.ts <postgres url>

const say = (event: string, details: object = {}) =>
  process.stdout.write(`${JSON.stringify({ event, ...details })}\n`);
const database = process.argv[2] ?? '';
const lines = createInterface({ input: process.stdin });
say('warm');
for await (const line of lines) if (line.trim() === 'go') break;
const store = await openStore({ database, recordDeriver });
const bus = await postgresEventBus(database, (error) => console.error(error.message));
const key = process.env.FORMBOARD_SECRET_KEY;
const log = {
  warn: (details: object, message: string) =>
    console.error(JSON.stringify({ level: 'warn', message, details })),
  error: (details: object, message: string) =>
    console.error(JSON.stringify({ level: 'error', message, details })),
};
const robots = robotOutbound(store, key ? secretBox(key) : undefined);
// Each call is told on stdout right before it is made and once its answer is in (a write to a pipe
// is synchronous, so a call a SIGKILL cuts was told): the kill test attributes every delivery it
// receives to the process that made it.
const outbound: OutboundPort = {
  async send(message) {
    say('send', { key: message.idempotencyKey, at: Date.now() });
    const answer = await robots.send(message);
    say('answered', { key: message.idempotencyKey, at: Date.now() });
    return answer;
  },
};
hostWorkflows({ store, bus, log, outbound });
say('started');
