import { describe, inject, it } from 'vitest';
import { openStore } from '../../src/index.ts';
import { scorecard } from '../conformance/storeConformance.ts';
import { FORM_ID, type WriterMessage } from './protocol.ts';
import { spawnWriter, type WriterProcess } from './spawnWriter.ts';
import { type AckedWrites, collectAcked, storeProblems } from './storeProblems.ts';
import { postgresTarget, type ReliabilityTarget, sqliteTarget } from './targets.ts';

// Two OS processes on one database both read version N, then save from base N at the same wall-clock
// moment (each waits for an agreed time): exactly one may succeed, the other must get the conflict.
const ROUNDS = 10;
const START_DELAY_MS = 50;

const isOutcome = (m: WriterMessage) => m.kind === 'saved' || m.kind === 'conflict' || m.kind === 'error';

function describeRace(target: ReliabilityTarget): void {
  describe(`two processes save from the same base: ${target.name}`, () => {
    it(`lets exactly one win, ${ROUNDS} times; the other gets VersionConflictError`, async ({
      expect,
      onTestFinished,
    }) => {
      let writers: WriterProcess[] = [];
      onTestFinished(() => {
        for (const writer of writers) writer.kill();
      });
      const database = await target.fresh();
      const setup = await openStore({ database });
      await setup.definitions.create(scorecard(), { author: 'hr' });
      await setup.close();
      writers = [spawnWriter(['race', database]), spawnWriter(['race', database])];
      await Promise.all(writers.map((w) => w.waitFor((m) => m.kind === 'ready')));
      const winnerTitles: string[] = [];

      for (let round = 1; round <= ROUNDS; round += 1) {
        let from = writers.map((w) => w.messages.length);
        for (const writer of writers) writer.send({ cmd: 'read' });
        const reads = await Promise.all(writers.map((w, i) => w.waitFor((m) => m.kind === 'read', from[i])));
        expect(reads, `round ${round}`).toEqual([
          { kind: 'read', version: round },
          { kind: 'read', version: round },
        ]);

        from = writers.map((w) => w.messages.length);
        const at = Date.now() + START_DELAY_MS;
        const titles = writers.map((_, i) => `round ${round}, process ${i}`);
        for (const [i, writer] of writers.entries()) writer.send({ cmd: 'save', at, title: titles[i] ?? '' });
        const outcomes = await Promise.all(writers.map((w, i) => w.waitFor(isOutcome, from[i])));
        const won = outcomes.findIndex((o) => o.kind === 'saved');
        expect(
          outcomes.filter((o) => o.kind === 'saved'),
          `round ${round}`,
        ).toEqual([{ kind: 'saved', version: round + 1, hash: expect.any(String) }]);
        expect(
          outcomes.filter((o) => o.kind !== 'saved'),
          `round ${round}`,
        ).toEqual([{ kind: 'conflict', baseVersion: round, currentVersion: round + 1 }]);
        winnerTitles.push(titles[won] ?? '');
      }

      for (const writer of writers) writer.send({ cmd: 'exit' });
      const exits = await Promise.all(writers.map((w) => w.exited));
      expect(exits.map((e) => e.code)).toEqual([0, 0]);

      const acked: AckedWrites = { versions: new Map(), records: new Map() };
      for (const writer of writers) collectAcked(acked, writer.messages);
      expect(await target.integrityProblems(database)).toEqual([]);
      const store = await openStore({ database });
      try {
        expect(await storeProblems(store, acked)).toEqual([]);
        // Each round's stored version is the winner's: the loser overwrote nothing.
        const { versions } = await store.definitions.history(FORM_ID, { limit: ROUNDS });
        expect(versions.map((v) => (v.content.title as { en: string }).en).reverse()).toEqual(winnerTitles);
      } finally {
        await store.close();
      }
    });
  });
}

describeRace(sqliteTarget);
describeRace(postgresTarget(inject('postgresUrl')));
