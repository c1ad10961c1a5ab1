import type { Readable } from 'node:stream';
import type { Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/principal.ts';
import { readOrgChart } from '../imports/orgChart.ts';
import { MAX_IMPORT_BYTES, uploadedTable } from '../imports/uploadedTable.ts';

/**
 * `POST /api/people/import`: HR's first step — an org chart sheet (CSV or XLSX body) with people,
 * departments as paths and supervisors. A dry run reports; a commit writes only a sheet without problems.
 */
export function orgChartRoutes(app: FastifyInstance, store: Store): void {
  app.post<{ Querystring: { mode: 'dryRun' | 'commit'; encoding: 'utf-8' | 'gb18030' }; Body: Readable }>(
    '/api/people/import',
    {
      config: { access: 'people.write' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['people'],
        summary: 'Import an org chart (id, name, email, department path, supervisor, roles) from CSV or XLSX',
        querystring: {
          type: 'object',
          properties: {
            mode: { enum: ['dryRun', 'commit'], default: 'dryRun' },
            encoding: { enum: ['utf-8', 'gb18030'], default: 'utf-8' },
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const actor = requireUser(request).user.id;
      const existing = new Set((await store.people.users()).map((user) => user.id));
      const chart = await readOrgChart(uploadedTable(request, request.query.encoding), existing);
      const commit = request.query.mode === 'commit' && chart.issues.length === 0 && chart.users.length > 0;
      if (commit) {
        for (const unit of chart.units) await store.people.saveOrgUnit(unit, actor);
        await store.people.saveUsers(chart.users, actor);
      }
      return { units: chart.units.length, users: chart.users.length, issues: chart.issues, saved: commit };
    },
  );
}
