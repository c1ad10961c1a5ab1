import type { LocalizedMessage } from '@formboard/formula';
import {
  InvalidDefinitionError,
  InvalidRecordError,
  RollupBreakError,
  StoreError,
  UniqueConstraintError,
  VersionConflictError,
} from '@formboard/storage';
import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError } from './ApiError.ts';
import { localeOf } from './locale.ts';

const STORE_STATUS: Record<StoreError['code'], number> = {
  notFound: 404,
  conflict: 409,
  exists: 409,
  state: 409,
  invalid: 422,
};

type ValidationIssue = { instancePath: string; message?: string; params?: Record<string, unknown> };

/** Fastify's request-schema failures, as issues with a JSON pointer into the request part. */
function requestIssues(error: FastifyError): ApiError {
  const part = error.validationContext ?? 'body';
  const details = (error.validation as ValidationIssue[]).map((issue) => {
    const extra = issue.params?.additionalProperty ?? issue.params?.missingProperty;
    const pointer = `/${part}${issue.instancePath}${typeof extra === 'string' ? `/${extra}` : ''}`;
    return { pointer, message: issue.message ?? 'invalid' };
  });
  const first = details[0];
  return new ApiError(
    400,
    'invalidRequest',
    {
      'zh-CN': `请求内容不符合要求：${first?.pointer ?? ''} ${first?.message ?? ''}`,
      en: `the request does not match its schema: ${first?.pointer ?? ''} ${first?.message ?? ''}`,
    },
    details,
  );
}

/** Store errors keep their own localized message; the details say what to do next. */
function fromStore(error: StoreError): ApiError {
  let details: unknown;
  if (error instanceof VersionConflictError)
    details = {
      baseVersion: error.baseVersion,
      currentVersion: error.currentVersion,
      patch: error.patch,
      summary: error.summary,
    };
  else if (error instanceof InvalidDefinitionError || error instanceof InvalidRecordError)
    details = error.issues;
  else if (error instanceof UniqueConstraintError) details = error.conflicts;
  else if (error instanceof RollupBreakError) details = error.breaks;
  return new ApiError(STORE_STATUS[error.code], error.code, error.messages, details);
}

const GENERIC: Record<number, [string, LocalizedMessage]> = {
  413: ['bodyTooLarge', { 'zh-CN': '请求体太大', en: 'the request body is too large' }],
  415: ['unsupportedMediaType', { 'zh-CN': '不支持的内容类型', en: 'unsupported content type' }],
  429: ['tooManyRequests', { 'zh-CN': '请求太频繁，请稍后再试', en: 'too many requests; try again later' }],
};

/** Turns anything thrown into an ApiError; unknown errors become a 500 without internals. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreError) return fromStore(error);
  const fastifyError = error as FastifyError;
  if (Array.isArray(fastifyError.validation)) return requestIssues(fastifyError);
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const [code, messages] = GENERIC[status] ?? ['badRequest', { 'zh-CN': '请求无效', en: 'bad request' }];
    return new ApiError(status, code, messages);
  }
  return new ApiError(500, 'internal', {
    'zh-CN': '服务器内部错误，已记录在日志中',
    en: 'internal server error; it has been logged',
  });
}

/** Every error leaves as `{ error: { code, message, details, requestId } }` in the caller's language. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error);
    if (apiError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    const locale = localeOf(request.headers['accept-language']);
    return reply.status(apiError.statusCode).send({
      error: {
        code: apiError.code,
        message: apiError.messages[locale],
        ...(apiError.details === undefined ? {} : { details: apiError.details }),
        requestId: request.id,
      },
    });
  });
  app.setNotFoundHandler((request) => {
    throw new ApiError(404, 'routeNotFound', {
      'zh-CN': `没有这个接口：${request.method} ${request.url}`,
      en: `no such endpoint: ${request.method} ${request.url}`,
    });
  });
}
