import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../core/errors.ts';

/** The one error envelope of the API. */
export interface ErrorEnvelope {
  error: { code: string; message: string; message_en: string; field?: string };
}

export function envelope(error: AppError): ErrorEnvelope {
  return {
    error: {
      code: error.code,
      message: error.messageZh,
      message_en: error.messageEn,
      ...(error.field ? { field: error.field } : {}),
    },
  };
}

const ZOD_ZH: Record<string, string> = {
  invalid_type: '类型不正确',
  too_small: '太短或太小',
  too_big: '太长或太大',
  invalid_format: '格式不正确',
  invalid_value: '取值无效',
  unrecognized_keys: '不允许的字段',
  invalid_union: '取值无效',
  custom: '取值无效',
};

/** Maps framework errors (validation, body parsing) to stable codes; everything else is 500. */
export function toAppError(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issue = err.validation[0];
    const path = (issue?.instancePath ?? '').split('/').filter(Boolean);
    const keys = issue?.params?.keys;
    // An unknown field is reported at the field itself, not at its parent object.
    if (issue?.keyword === 'unrecognized_keys' && Array.isArray(keys) && keys.length > 0)
      path.push(String(keys[0]));
    const field = path.join('.') || undefined;
    const what = field ? `字段 ${field} ` : '';
    return new AppError({
      status: 400,
      code: 'VALIDATION',
      zh: `请求内容有误：${what}${ZOD_ZH[issue?.keyword ?? ''] ?? '取值无效'}`,
      en: `Invalid request${field ? ` at ${field}` : ''}: ${issue?.message ?? 'invalid value'}`,
      ...(field ? { field } : {}),
    });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError({
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        zh: '不支持的内容类型，请使用 application/json',
        en: 'Unsupported content type; send application/json',
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError({
        status: 413,
        code: 'BODY_TOO_LARGE',
        zh: '请求内容过大',
        en: 'Request body too large',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError({
        status: 400,
        code: 'EMPTY_BODY',
        zh: '请求内容为空',
        en: 'The JSON body is empty',
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError({
        status: 400,
        code: 'BAD_JSON',
        zh: '请求内容不是有效的 JSON',
        en: 'The body is not valid JSON',
      });
  }
  if (err instanceof SyntaxError && err.statusCode === 400) {
    return new AppError({
      status: 400,
      code: 'BAD_JSON',
      zh: '请求内容不是有效的 JSON',
      en: 'The body is not valid JSON',
    });
  }
  if (err.statusCode === 429) {
    return new AppError({
      status: 429,
      code: 'RATE_LIMITED',
      zh: '请求过于频繁，请稍后再试',
      en: 'Too many requests; try again later',
    });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500 && !isResponseSerializationError(err)) {
    return new AppError({ status: err.statusCode, code: 'BAD_REQUEST', zh: '请求无效', en: err.message });
  }
  return new AppError({
    status: 500,
    code: 'INTERNAL_ERROR',
    zh: '服务器内部错误',
    en: 'Internal server error',
  });
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: appError.code }, 'request refused');
    return reply.status(appError.status).send(envelope(appError));
  });
}

export const routeNotFound = () =>
  new AppError({ status: 404, code: 'ROUTE_NOT_FOUND', zh: '接口不存在', en: 'No such API route' });
