import type { User } from '@formboard/storage';
import type { FastifyRequest } from 'fastify';
import { ApiError, unauthenticated } from '../http/ApiError.ts';
import type { Capability } from '../permissions/capabilities.ts';

/** Who is calling, how they proved it, and what they may do. */
export interface Principal {
  readonly user: User;
  readonly via: 'session' | 'token';
  readonly capabilities: ReadonlySet<Capability>;
  /** The hash of the session id (for sign-out); sessions only. */
  readonly sessionHash?: string;
  /** The hash of the API token (to re-check it on long streams); tokens only. */
  readonly tokenHash?: string;
  readonly csrfToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const CAPABILITY_TEXT: Record<Capability, { 'zh-CN': string; en: string }> = {
  'definitions.read': { 'zh-CN': '查看表单和看板定义', en: 'read definitions' },
  'definitions.write': { 'zh-CN': '设计表单、看板和流程', en: 'design forms, boards and workflows' },
  'records.read': { 'zh-CN': '查看记录', en: 'read records' },
  'records.write': { 'zh-CN': '填写和修改记录', en: 'enter and change records' },
  'queries.run': { 'zh-CN': '查看看板数据', en: 'read board data' },
  'people.read': { 'zh-CN': '查看人员和组织', en: 'read people and org units' },
  'people.write': { 'zh-CN': '管理人员和组织', en: 'manage people and org units' },
  'audit.read': { 'zh-CN': '查看审计日志', en: 'read the audit log' },
  'tokens.manage': { 'zh-CN': '管理 API 令牌', en: 'manage API tokens' },
  'connectors.manage': { 'zh-CN': '管理外部数据连接', en: 'manage connectors to other systems' },
  'testClock.set': { 'zh-CN': '调整测试时钟', en: "move the test server's clock" },
};

/** The signed-in caller, or 401. */
export function requireUser(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}

/** The signed-in caller if they hold `capability`; 401 when nobody is signed in, 403 when not allowed. */
export function requireCapability(request: FastifyRequest, capability: Capability): Principal {
  const principal = requireUser(request);
  if (!principal.capabilities.has(capability))
    throw new ApiError(403, 'forbidden', {
      'zh-CN': `没有权限：${CAPABILITY_TEXT[capability]['zh-CN']}`,
      en: `not allowed to ${CAPABILITY_TEXT[capability].en}`,
    });
  return principal;
}
