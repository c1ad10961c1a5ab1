import type { FastifyInstance } from 'fastify';
import type { TestClock } from '../testing/testClock.ts';
import type { WorkflowHost } from '../workflows/hostWorkflows.ts';

/**
 * Test-only routes, registered only on a server started with a test clock (never in production):
 * `PUT /api/test/clock { now }` moves the server's clock (`null` = the real time again), and
 * `POST /api/test/workflows/tick` runs one workflow tick at once and waits for it, so a journey
 * does not wait a minute for the timer. Admins only.
 */
export function testClockRoutes(app: FastifyInstance, clock: TestClock, workflows: WorkflowHost | undefined) {
  const tags = ['test'];
  app.put<{ Body: { now: string | null } }>(
    '/api/test/clock',
    {
      config: { access: 'testClock.set' },
      schema: {
        tags,
        summary: "Move this test server's clock (test mode only)",
        body: {
          type: 'object',
          properties: { now: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] } },
          required: ['now'],
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { now } = request.body;
      clock.set(now === null ? null : Date.parse(now));
      return { now: new Date(clock.now()).toISOString() };
    },
  );
  app.post(
    '/api/test/workflows/tick',
    {
      config: { access: 'testClock.set' },
      schema: { tags, summary: 'Run one workflow tick now (test mode only)' },
    },
    async () => {
      await workflows?.tick();
      return { ran: workflows !== undefined, now: new Date(clock.now()).toISOString() };
    },
  );
}
