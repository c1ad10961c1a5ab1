import { randomUUID } from 'node:crypto';
import type { Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/principal.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { TOKEN_SCOPES } from '../permissions/capabilities.ts';
import { apiTokenSchema, idParams } from './schemas.ts';

/** Prefix of every token, so leaked ones are easy to spot in logs and code scanners. */
export const TOKEN_PREFIX = 'fbt_';

/** API tokens for integrations: created by admins, shown once, stored hashed, scoped, revocable. */
export function tokenRoutes(app: FastifyInstance, store: Store): void {
  const tags = ['tokens'];

  app.get(
    '/api/tokens',
    {
      config: { access: 'tokens.manage' },
      schema: {
        tags,
        summary: 'Every API token (never their secrets)',
        response: { 200: { type: 'array', items: apiTokenSchema } },
      },
    },
    () => store.accounts.apiTokens(),
  );

  app.post<{ Body: { name: string; userId: string; scopes: string[] } }>(
    '/api/tokens',
    {
      config: { access: 'tokens.manage' },
      schema: {
        tags,
        summary: 'Create a token acting as a user within scopes; the secret is in this answer only',
        body: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            userId: { type: 'string', minLength: 1 },
            scopes: { type: 'array', items: { enum: [...TOKEN_SCOPES] }, minItems: 1, uniqueItems: true },
          },
          required: ['name', 'userId', 'scopes'],
          additionalProperties: false,
        },
        response: {
          201: {
            type: 'object',
            properties: { token: apiTokenSchema, secret: { type: 'string' } },
            required: ['token', 'secret'],
          },
        },
      },
    },
    async (request, reply) => {
      await store.people.getUser(request.body.userId);
      const secret = newSecret(TOKEN_PREFIX);
      const token = await store.accounts.createApiToken(
        {
          id: randomUUID(),
          name: request.body.name,
          tokenHash: hashSecret(secret),
          userId: request.body.userId,
          scopes: request.body.scopes,
        },
        requireUser(request).user.id,
      );
      return reply.status(201).send({ token, secret });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/tokens/:id',
    { config: { access: 'tokens.manage' }, schema: { tags, summary: 'Revoke a token', params: idParams } },
    async (request, reply) => {
      await store.accounts.revokeApiToken(request.params.id, requireUser(request).user.id);
      return reply.status(204).send();
    },
  );
}
