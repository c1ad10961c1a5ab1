import { setTimeout as sleep } from 'node:timers/promises';
import { describe, inject, it } from 'vitest';
import { openStore } from '../../src/index.ts';
import { scorecard } from '../conformance/storeConformance.ts';
import { FORM_ID } from './protocol.ts';
import { reliabilitySeed, seededRandom } from './seededRandom.ts';
import { spawnWriter, type WriterProcess } from './spawnWriter.ts';
import { type AckedWrites, collectAcked, storeProblems } from './storeProblems.ts';
import { postgresTarget, type ReliabilityTarget, sqliteTarget } from './targets.ts';

// A writer process saves versions and enters records in a loop and is killed with SIGKILL a random
// time after it opened the store; then the store is reopened and checked. The rounds of a lane share
// one database, so the damage of every crash adds up. Lanes (and dialects) run side by side, each on
// its own database, to keep the suite short; a lane's kill delays come from the seed and its number.
const MAX_KILL_DELAY_MS = 400;
const seed = reliabilitySeed();

function describeCrash(target: ReliabilityTarget, lanes: number, roundsPerLane: number): void {
  describe.concurrent(`crash with SIGKILL: ${target.name}`, () => {
    for (let lane = 1; lane <= lanes; lane += 1) {
      it(`keeps every acknowledged write through ${roundsPerLane} kills (lane ${lane} of ${lanes})`, {
        timeout: roundsPerLane * 10_000,
      }, async ({ expect, onTestFinished }) => {
        console.log(`crash ${target.name} lane ${lane}: seed ${seed} (replay with RELIABILITY_SEED=${seed})`);
        const random = seededRandom(seed + lane);
        let writer: WriterProcess | undefined;
        onTestFinished(() => writer?.kill());
        const database = await target.fresh();
        const setup = await openStore({ database });
        await setup.definitions.create(scorecard(), { author: 'hr' });
        await setup.definitions.publish(FORM_ID, 1, { author: 'hr' });
        await setup.close();
        const acked: AckedWrites = { versions: new Map(), records: new Map() };

        for (let round = 1; round <= roundsPerLane; round += 1) {
          const delay = Math.floor(random() * MAX_KILL_DELAY_MS);
          const where = `seed ${seed}, lane ${lane}, round ${round}, killed ${delay} ms after opening`;
          writer = spawnWriter(['crash', database, String(round)]);
          await writer.waitFor((m) => m.kind === 'ready');
          // On a loaded machine every random kill can land before the first acknowledged write; the
          // last round first waits for one version and one record, so the checks always cover data.
          if (round === roundsPerLane && (acked.versions.size === 0 || acked.records.size === 0)) {
            await writer.waitFor((m) => m.kind === 'version');
            await writer.waitFor((m) => m.kind === 'records');
          }
          await sleep(delay);
          writer.kill();
          const exit = await writer.exited;
          expect(exit, where).toMatchObject({ signal: 'SIGKILL' });
          expect(
            writer.messages.filter((m) => m.kind === 'error'),
            where,
          ).toEqual([]);
          collectAcked(acked, writer.messages);

          expect(await target.integrityProblems(database), where).toEqual([]);
          const store = await openStore({ database });
          try {
            expect(await storeProblems(store, acked), where).toEqual([]);
          } finally {
            await store.close();
          }
        }
        // The writers did write: the checks above were about real acknowledged data.
        expect(acked.versions.size).toBeGreaterThan(0);
        expect(acked.records.size).toBeGreaterThan(0);
      });
    }
  });
}

describeCrash(sqliteTarget, 2, 10);
describeCrash(postgresTarget(inject('postgresUrl')), 1, 5);
