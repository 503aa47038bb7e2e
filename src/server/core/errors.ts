/**
 * One error type for every refusal a use case can give. The HTTP edge turns it into
 * the shared envelope `{error: {code, message, message_en, field}}`; the CLI prints it.
 * `code` is stable and machine-readable; the messages are for people.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly field: string | undefined;

  constructor(opts: { status: number; code: string; zh: string; en: string; field?: string }) {
    super(opts.en);
    this.name = 'AppError';
    this.status = opts.status;
    this.code = opts.code;
    this.messageZh = opts.zh;
    this.messageEn = opts.en;
    this.field = opts.field;
  }
}

export const badRequest = (code: string, zh: string, en: string, field?: string) =>
  new AppError({ status: 400, code, zh, en, ...(field ? { field } : {}) });

export const notFound = (what: string, zhWhat: string, field?: string) =>
  new AppError({
    status: 404,
    code: 'NOT_FOUND',
    zh: `${zhWhat}不存在`,
    en: `${what} not found`,
    ...(field ? { field } : {}),
  });

export const conflict = (code: string, zh: string, en: string, field?: string) =>
  new AppError({ status: 409, code, zh, en, ...(field ? { field } : {}) });

export const forbidden = (code = 'FORBIDDEN', zh = '无权执行此操作', en = 'You may not do this') =>
  new AppError({ status: 403, code, zh, en });

export const unauthenticated = (code = 'UNAUTHENTICATED', zh = '请先登录', en = 'Please log in first') =>
  new AppError({ status: 401, code, zh, en });
