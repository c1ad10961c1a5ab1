import type { LocalizedMessage } from '@formboard/formula';

/** An error the API answers with `{ error: { code, message, details } }`; the message follows Accept-Language. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messages: LocalizedMessage,
    readonly details?: unknown,
  ) {
    super(messages.en);
    this.name = 'ApiError';
  }
}

/** 401: no valid session or token. */
export const unauthenticated = (): ApiError =>
  new ApiError(401, 'unauthenticated', { 'zh-CN': '请先登录', en: 'sign in first' });

/** 403: signed in, but not allowed to do this. */
export const forbidden = (what: LocalizedMessage): ApiError =>
  new ApiError(403, 'forbidden', {
    'zh-CN': `没有权限：${what['zh-CN']}`,
    en: `not allowed: ${what.en}`,
  });

/** 404: missing, or outside what the caller may see (the two look the same on purpose). */
export const notFound = (what: LocalizedMessage): ApiError =>
  new ApiError(404, 'notFound', { 'zh-CN': `找不到${what['zh-CN']}`, en: `${what.en} not found` });
