import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { toAppError } from '../../http/errors.ts';
import { findOpen311Case, listOpen311Cases } from './open311.repository.ts';
import { parseForm, toForm } from './open311-form.ts';
import {
  CONTENT_TYPES,
  isFormat,
  Open311Error,
  type Open311Format,
  type Open311Value,
  render,
  splitFormat,
} from './open311-format.ts';
import { jurisdictionPath, requestsQuery } from './open311-query.ts';
import {
  openServices,
  presentRequests,
  presentService,
  presentServiceDefinition,
  serviceNotice,
} from './open311-view.ts';
import { submitOpen311Request } from './submit-open311-request.ts';

/** When the endpoint last changed (the discovery document's changeset). */
const CHANGESET = '2026-11-22T12:00:00+08:00';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

type FormatParams = { format?: string; file?: string };

/** The format the caller asked for; XML (the spec's required format) when it cannot be told. */
function formatOf(request: FastifyRequest): Open311Format {
  const params = (request.params ?? {}) as FormatParams;
  if (isFormat(params.format)) return params.format;
  const last = (request.url.split('?')[0] ?? '').split('/').pop() ?? '';
  return splitFormat(last)?.format ?? 'xml';
}

const unknownFormat = () =>
  new Open311Error(404, ['不支持的格式，请使用 .xml 或 .json (unknown format: use .xml or .json)']);

function formatParam(format: string | undefined): Open311Format {
  if (!isFormat(format)) throw unknownFormat();
  return format;
}

/** `{name}.{format}` of a path segment, or 404. */
function fileParam(file: string | undefined): { name: string; format: Open311Format } {
  const parsed = file ? splitFormat(file) : null;
  if (!parsed) throw unknownFormat();
  return parsed;
}

function send(reply: FastifyReply, format: Open311Format, root: string, value: Open311Value, status = 200) {
  return reply
    .status(status)
    .type(CONTENT_TYPES[format])
    .send(render(format, root, value));
}

function sendErrors(reply: FastifyReply, format: Open311Format, error: Open311Error) {
  const problems = error.problems.map((p) => ({ code: p.code, description: p.description }));
  return send(reply, format, 'errors', problems, error.status);
}

/**
 * Open311 GeoReport v2 under /open311/v2 (docs/INTAKE.md): public reads of the services
 * and of the requests handed in through Open311, and POST requests for sources holding an
 * Open311 key. Errors are the spec's lists, in the format asked for. The routes are left
 * out of the OpenAPI document: they speak forms, XML and the spec's error shape.
 */
export function registerOpen311Routes(root: FastifyInstance, ctx: AppContext): void {
  root.register(
    async (app) => {
      // The spec posts forms; this scope alone parses them (the API stays JSON-only).
      app.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string' },
        (_r, body, done) => {
          done(null, parseForm(String(body)));
        },
      );
      app.setErrorHandler((err: FastifyError, request, reply) => {
        if (err instanceof Open311Error) return sendErrors(reply, formatOf(request), err);
        const appError = toAppError(err);
        if (appError.status >= 500) request.log.error({ err }, 'request failed');
        const description = `${appError.messageZh} (${appError.messageEn})`;
        return sendErrors(reply, formatOf(request), new Open311Error(appError.status, [description]));
      });
      app.setNotFoundHandler((request, reply) =>
        sendErrors(reply, formatOf(request), new Open311Error(404, ['没有这个资源 (no such resource)'])),
      );
      const config = { public: true };
      const schema = { hide: true };

      app.get<{ Params: FormatParams }>(
        '/v2/discovery.:format',
        { schema, config },
        async (request, reply) => {
          const format = formatParam(request.params.format);
          const url = `${request.protocol}://${request.host}/open311/v2`;
          return send(reply, format, 'discovery', {
            changeset: CHANGESET,
            contact: '请联系本平台的系统管理员 (contact the platform’s system administrator)',
            key_service:
              '由系统管理员登记来源系统并发放 API 密钥 (keys are issued by the system administrator)',
            endpoints: [
              {
                specification: SPECIFICATION,
                url,
                changeset: CHANGESET,
                type: 'production',
                formats: [CONTENT_TYPES.xml.split(';')[0] ?? '', CONTENT_TYPES.json.split(';')[0] ?? ''],
              },
            ],
          });
        },
      );

      app.get<{ Params: FormatParams }>(
        '/v2/services.:format',
        { schema, config },
        async (request, reply) => {
          const format = formatParam(request.params.format);
          await jurisdictionPath(ctx.db, toForm(undefined, request.query));
          const services = await openServices(ctx.db);
          return send(
            reply,
            format,
            'services',
            services.map((s) => presentService(s.leaf, s.group)),
          );
        },
      );

      app.get<{ Params: FormatParams }>('/v2/services/:file', { schema, config }, async (request, reply) => {
        const { name, format } = fileParam(request.params.file);
        await jurisdictionPath(ctx.db, toForm(undefined, request.query));
        const service = (await openServices(ctx.db)).find((s) => s.leaf.code === name);
        if (!service) throw new Open311Error(404, [`service_code “${name}” 不存在 (service_code not found)`]);
        return send(reply, format, 'service_definition', presentServiceDefinition(service.leaf));
      });

      app.get<{ Params: FormatParams }>(
        '/v2/requests.:format',
        { schema, config },
        async (request, reply) => {
          const format = formatParam(request.params.format);
          const form = toForm(undefined, request.query);
          const path = await jurisdictionPath(ctx.db, form);
          const rows = await listOpen311Cases(ctx.db, {
            ...requestsQuery(form, ctx.clock.now()),
            jurisdictionPath: path,
          });
          return send(reply, format, 'service_requests', await presentRequests(ctx.db, rows));
        },
      );

      app.post<{ Params: FormatParams }>(
        '/v2/requests.:format',
        { schema, config },
        async (request, reply) => {
          const format = formatParam(request.params.format);
          const form = toForm(request.body, request.query);
          await jurisdictionPath(ctx.db, form);
          const received = await submitOpen311Request({
            db: ctx.db,
            clock: ctx.clock,
            calendar: ctx.calendar.current(),
            grids: ctx.grids.current(),
            defaultWarnRatio: ctx.config.OBLIGATION_WARN_RATIO,
            form,
          });
          if (received.created) ctx.bus.wake();
          const view = received.case;
          const notice = serviceNotice(view.stateType === 'closed', view.leadUnitId);
          // A replay (the same attribute[source_ref]) answers with the stored request, 200.
          return send(
            reply,
            format,
            'service_requests',
            [{ service_request_id: view.number, service_notice: notice, account_id: null }],
            received.created ? 201 : 200,
          );
        },
      );

      app.get<{ Params: FormatParams }>('/v2/requests/:file', { schema, config }, async (request, reply) => {
        const { name, format } = fileParam(request.params.file);
        const path = await jurisdictionPath(ctx.db, toForm(undefined, request.query));
        const row = await findOpen311Case(ctx.db, name, path);
        if (!row) throw new Open311Error(404, [`service_request_id “${name}” 不存在 (not found)`]);
        return send(reply, format, 'service_requests', await presentRequests(ctx.db, [row]));
      });

      // Requests are created synchronously and the POST answers with the service_request_id,
      // never a token; a token is therefore the service_request_id itself.
      app.get<{ Params: FormatParams }>('/v2/tokens/:file', { schema, config }, async (request, reply) => {
        const { name, format } = fileParam(request.params.file);
        const path = await jurisdictionPath(ctx.db, toForm(undefined, request.query));
        const row = await findOpen311Case(ctx.db, name, path);
        if (!row) throw new Open311Error(404, [`token “${name}” 不存在 (token not found)`]);
        return send(reply, format, 'service_requests', [{ service_request_id: row.number, token: name }]);
      });
    },
    { prefix: '/open311' },
  );
}
