/**
 * A small driver for profiling cold `validateDefinition` on the benchmark form:
 * `cd bench && node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof schema/profile.ts [calls]`, then
 * open the .cpuprofile in Chrome DevTools (Performance panel). It validates 16 equal copies in turn, as
 * the benchmark's cold row does, for `calls` calls (default 3,000) after a warm-up, and prints the
 * wall-clock and CPU time per call.
 */
import { validateDefinition } from '@formboard/schema';
import { parsedCopies } from './copies.ts';
import { makeForm } from './makeForm.ts';

const calls = Number(process.argv[2] ?? 3000);
const docs = parsedCopies(makeForm());
for (let i = 0; i < 500; i++) validateDefinition(docs[i % docs.length]);
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
for (let i = 0; i < calls; i++) {
  if (!validateDefinition(docs[i % docs.length]).ok) throw new Error('the benchmark form is invalid');
}
const { user, system } = process.cpuUsage(cpu);
const wall = Number(process.hrtime.bigint() - start) / 1e6;
console.log(
  `${(wall / calls).toFixed(3)} ms per call, ${((user + system) / 1e3 / calls).toFixed(3)} ms of CPU time`,
);
