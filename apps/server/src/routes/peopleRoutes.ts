import type { OrgUnit, Store, User } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { requireUser } from '../auth/principal.ts';
import { ApiError } from '../http/ApiError.ts';
import { idParams, orgUnitSchema, userSchema } from './schemas.ts';

/** Minimum password length; long passphrases beat complexity rules (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 10;

const passwordSchema = { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: 1000 } as const;

/** Users and org units: read by everyone signed in, changed by admins; passwords by their owner or an admin. */
export function peopleRoutes(app: FastifyInstance, store: Store): void {
  const tags = ['people'];

  app.get(
    '/api/users',
    {
      config: { access: 'people.read' },
      schema: { tags, summary: 'Every user', response: { 200: { type: 'array', items: userSchema } } },
    },
    () => store.people.users(),
  );

  app.put<{ Body: User[] }>(
    '/api/users',
    {
      config: { access: 'people.write' },
      schema: {
        tags,
        summary: 'Create or replace users in one transaction (supervisors may come later in the list)',
        body: { type: 'array', items: userSchema, minItems: 1, maxItems: 10_000 },
      },
    },
    async (request, reply) => {
      await store.people.saveUsers(request.body, requireUser(request).user.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/org-units',
    {
      config: { access: 'people.read' },
      schema: { tags, summary: 'Every org unit', response: { 200: { type: 'array', items: orgUnitSchema } } },
    },
    () => store.people.orgUnits(),
  );

  app.put<{ Params: { id: string }; Body: OrgUnit }>(
    '/api/org-units/:id',
    {
      config: { access: 'people.write' },
      schema: { tags, summary: 'Create or replace an org unit', params: idParams, body: orgUnitSchema },
    },
    async (request, reply) => {
      if (request.body.id !== request.params.id)
        throw new ApiError(422, 'idMismatch', {
          'zh-CN': '请求体里的 id 与地址不一致',
          en: 'the id in the body differs from the URL',
        });
      await store.people.saveOrgUnit(request.body, requireUser(request).user.id);
      return reply.status(204).send();
    },
  );

  app.put<{ Params: { id: string }; Body: { password: string; currentPassword?: string } }>(
    '/api/users/:id/password',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Set a password: your own (with the current one) or, as an admin, anyone’s',
        params: idParams,
        body: {
          type: 'object',
          properties: { password: passwordSchema, currentPassword: { type: 'string', maxLength: 1000 } },
          required: ['password'],
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      if (principal.via === 'token')
        throw new ApiError(403, 'forbidden', {
          'zh-CN': 'API 令牌不能修改密码',
          en: 'an API token cannot change passwords',
        });
      const own = principal.user.id === request.params.id;
      if (!own && !principal.capabilities.has('people.write'))
        throw new ApiError(403, 'forbidden', {
          'zh-CN': '只能修改自己的密码',
          en: 'you can change only your own password',
        });
      if (own && !principal.capabilities.has('people.write')) {
        const credential = await store.accounts.credential(principal.user.id);
        const current = request.body.currentPassword ?? '';
        if (!credential || !(await verifyPassword(current, credential.passwordHash)))
          throw new ApiError(403, 'wrongPassword', {
            'zh-CN': '当前密码不对',
            en: 'the current password is wrong',
          });
      }
      await store.accounts.setPassword(
        request.params.id,
        await hashPassword(request.body.password),
        principal.user.id,
      );
      return reply.status(204).send();
    },
  );
}
