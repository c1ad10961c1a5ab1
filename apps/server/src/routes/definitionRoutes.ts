import type { DefinitionInfo, Store } from '@formboard/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Principal, requireUser } from '../auth/principal.ts';
import { ApiError, notFound } from '../http/ApiError.ts';
import {
  definitionDiffSchema,
  definitionInfoSchema,
  definitionVersionSchema,
  idParams,
  sourceComparisonSchema,
} from './schemas.ts';

const designs = (principal: Principal) => principal.capabilities.has('definitions.write');

const missing = (id: string) => notFound({ 'zh-CN': `定义 ${id}`, en: `definition ${id}` });

/**
 * Designers see every definition and version; everyone else sees published definitions, and only
 * their published version (a draft in progress is nobody else's business).
 */
async function visibleInfo(store: Store, request: FastifyRequest, id: string): Promise<DefinitionInfo> {
  const info = await store.definitions.getInfo(id).catch(() => undefined);
  if (!info || (!designs(requireUser(request)) && info.state !== 'published')) throw missing(id);
  return info;
}

function requireDesigner(request: FastifyRequest): Principal {
  const principal = requireUser(request);
  if (!designs(principal))
    throw new ApiError(403, 'forbidden', {
      'zh-CN': '没有权限：查看草稿和历史版本',
      en: 'not allowed to read drafts and old versions',
    });
  return principal;
}

const body = (properties: Record<string, unknown>, required: string[]) =>
  ({ type: 'object', properties, required, additionalProperties: false }) as const;
const definitionBody = {
  type: 'object',
  additionalProperties: true,
  description: 'A definition (see docs/definitions.md)',
};
const message = { type: 'string', maxLength: 500 };
const version = { type: 'integer', minimum: 1 };
const listedSchema = {
  ...definitionInfoSchema,
  properties: {
    ...definitionInfoSchema.properties,
    title: {
      description: 'The title of the version the caller would open',
      anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }],
    },
  },
};
const withInfo = {
  type: 'object',
  properties: { info: definitionInfoSchema, version: definitionVersionSchema },
};

/** Definitions: create, list, read, save (with conflict detection), versions, diff, restore, publish, archive, clone. */
export function definitionRoutes(app: FastifyInstance, store: Store): void {
  const tags = ['definitions'];

  app.get<{ Querystring: { kind?: string } }>(
    '/api/definitions',
    {
      config: { access: 'definitions.read' },
      schema: {
        tags,
        summary: 'List definitions (designers: all; others: published ones)',
        querystring: {
          type: 'object',
          properties: { kind: { type: 'string' } },
          additionalProperties: false,
        },
        response: { 200: { type: 'array', items: listedSchema } },
      },
    },
    async (request) => {
      const designer = designs(requireUser(request));
      const all = await store.definitions.list(request.query.kind);
      const visible = designer ? all : all.filter((info) => info.state === 'published');
      // Each with the title of the version this caller would open, so lists need no second request.
      return Promise.all(
        visible.map(async (info) => {
          const shown = designer ? info.headVersion : (info.publishedVersion ?? info.headVersion);
          const { content } = await store.definitions.get(info.id, shown);
          return content.title === undefined ? info : { ...info, title: content.title };
        }),
      );
    },
  );

  app.post<{ Body: { definition: Record<string, unknown>; message?: string } }>(
    '/api/definitions',
    {
      config: { access: 'definitions.write' },
      schema: {
        tags,
        summary: 'Create a definition as version 1 (draft)',
        body: body({ definition: definitionBody, message }, ['definition']),
        response: { 201: definitionVersionSchema },
      },
    },
    async (request, reply) => {
      const author = requireUser(request).user.id;
      const created = await store.definitions.create(request.body.definition, {
        author,
        message: request.body.message ?? '',
      });
      return reply.status(201).send(created);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { version?: number } }>(
    '/api/definitions/:id',
    {
      config: { access: 'definitions.read' },
      schema: {
        tags,
        summary: 'A definition: designers get the head (or ?version=N), others the published version',
        params: idParams,
        querystring: { type: 'object', properties: { version }, additionalProperties: false },
        response: { 200: withInfo },
      },
    },
    async (request) => {
      const info = await visibleInfo(store, request, request.params.id);
      const designer = designs(requireUser(request));
      if (request.query.version !== undefined && !designer) requireDesigner(request);
      const wanted = designer ? (request.query.version ?? info.headVersion) : (info.publishedVersion ?? 0);
      return { info, version: await store.definitions.get(info.id, wanted) };
    },
  );

  app.put<{
    Params: { id: string };
    Body: { definition: Record<string, unknown>; baseVersion: number; message?: string };
  }>(
    '/api/definitions/:id',
    {
      config: { access: 'definitions.write' },
      schema: {
        tags,
        summary: 'Save a new version; a stale baseVersion answers 409 with the current version and the diff',
        params: idParams,
        body: body({ definition: definitionBody, baseVersion: version, message }, [
          'definition',
          'baseVersion',
        ]),
        response: { 200: definitionVersionSchema },
      },
    },
    async (request) => {
      const { definition, baseVersion } = request.body;
      if (definition.id !== undefined && definition.id !== request.params.id)
        throw new ApiError(
          422,
          'idMismatch',
          {
            'zh-CN': `定义里的 id（${String(definition.id)}）与地址中的 ${request.params.id} 不一致`,
            en: `the definition's id (${String(definition.id)}) differs from ${request.params.id} in the URL`,
          },
          [{ pointer: '/body/definition/id' }],
        );
      return store.definitions.save(request.params.id, definition, {
        baseVersion,
        author: requireUser(request).user.id,
        message: request.body.message ?? '',
      });
    },
  );

  app.get<{ Params: { id: string }; Querystring: { offset?: number; limit?: number } }>(
    '/api/definitions/:id/versions',
    {
      config: { access: 'definitions.write' },
      schema: {
        tags,
        summary: 'Version history, newest first (paged with offset and limit)',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            offset: { type: 'integer', minimum: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              total: { type: 'integer' },
              versions: { type: 'array', items: definitionVersionSchema },
            },
          },
        },
      },
    },
    async (request) => {
      await visibleInfo(store, request, request.params.id);
      const { offset = 0, limit = 50 } = request.query;
      return store.definitions.history(request.params.id, { offset, limit });
    },
  );

  app.get<{ Params: { id: string }; Querystring: { from: number; to: number } }>(
    '/api/definitions/:id/diff',
    {
      config: { access: 'definitions.write' },
      schema: {
        tags,
        summary: 'RFC 6902 patch and a readable summary between two versions',
        params: idParams,
        querystring: body({ from: version, to: version }, ['from', 'to']),
        response: { 200: definitionDiffSchema },
      },
    },
    async (request) => {
      await visibleInfo(store, request, request.params.id);
      return store.definitions.diff(request.params.id, request.query.from, request.query.to);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/definitions/:id/upstream',
    {
      config: { access: 'definitions.write' },
      schema: {
        tags,
        summary:
          'A copy against the template it was cloned from: what the copy changed, and what the template changed since',
        params: idParams,
        response: { 200: sourceComparisonSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      await visibleInfo(store, request, id);
      const comparison = await store.definitions.compareWithSource(id);
      if (!comparison)
        throw new ApiError(404, 'notACopy', {
          'zh-CN': `${id} 不是从模板复制来的，没有可比较的上游`,
          en: `${id} was not cloned from a template: there is no upstream to compare with`,
        });
      return comparison;
    },
  );

  const lifecycle = (
    path: string,
    summary: string,
    properties: Record<string, unknown>,
    required: string[],
    act: (id: string, body: Record<string, unknown>, author: string) => Promise<unknown>,
  ) =>
    app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
      `/api/definitions/:id/${path}`,
      {
        config: { access: 'definitions.write' },
        schema: { tags, summary, params: idParams, body: body(properties, required) },
      },
      async (request) => {
        await visibleInfo(store, request, request.params.id);
        return act(request.params.id, request.body ?? {}, requireUser(request).user.id);
      },
    );

  lifecycle(
    'restore',
    'Append a copy of an old version as the new head',
    { version, message },
    ['version'],
    (id, b, author) =>
      store.definitions.restore(id, Number(b.version), { author, message: String(b.message ?? '') }),
  );
  lifecycle(
    'publish',
    'Publish a version: new records are entered against it',
    { version },
    ['version'],
    (id, b, author) => store.definitions.publish(id, Number(b.version), { author }),
  );
  lifecycle('archive', 'Archive: hidden from users, records kept', {}, [], (id, _b, author) =>
    store.definitions.archive(id, { author }),
  );
  lifecycle(
    'clone',
    'Copy under a new id, recording the lineage',
    {
      newId: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
      version,
      message,
    },
    ['newId'],
    (id, b, author) =>
      store.definitions.clone(id, String(b.newId), {
        author,
        message: String(b.message ?? ''),
        ...(b.version === undefined ? {} : { version: Number(b.version) }),
      }),
  );
}
