import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import { appliedMigrations } from '../db/migrate.ts';
import { registerAlertRoutes } from '../modules/assessment/alerts.routes.ts';
import { registerAssessmentRoutes } from '../modules/assessment/assessment.routes.ts';
import { registerRankingRoutes } from '../modules/assessment/ranking.routes.ts';
import { registerAdminRoutes } from '../modules/auth/admin.routes.ts';
import { registerAuthRoutes } from '../modules/auth/auth.routes.ts';
import { registerCalendarRoutes } from '../modules/calendar/calendar.routes.ts';
import { registerCaseReportRoutes } from '../modules/cases/case-reports.routes.ts';
import { registerCaseWorkRoutes } from '../modules/cases/case-work.routes.ts';
import { registerCaseRoutes } from '../modules/cases/cases.routes.ts';
import { registerConsultationRoutes } from '../modules/consultation/consultation.routes.ts';
import { registerConsultationUnitRoutes } from '../modules/consultation/consultation-units.routes.ts';
import { registerDashboardRoutes } from '../modules/dashboard/dashboard.routes.ts';
import { registerAuditRoutes } from '../modules/events/audit.routes.ts';
import { registerNotificationRoutes } from '../modules/events/notifications.routes.ts';
import { registerWebhookRoutes } from '../modules/events/webhooks.routes.ts';
import { registerFileRoutes } from '../modules/files/files.routes.ts';
import { registerIntakeRoutes } from '../modules/intake/intake.routes.ts';
import { registerLedgerRoutes } from '../modules/ledger/ledger.routes.ts';
import { registerObligationRoutes } from '../modules/obligations/obligations.routes.ts';
import { registerGridRoutes } from '../modules/org/grids.routes.ts';
import { registerOrgRoutes } from '../modules/org/org.routes.ts';
import { registerPeopleRoutes } from '../modules/org/people.routes.ts';
import { registerPeopleImportRoutes } from '../modules/org/people-import.routes.ts';
import { registerCategoryRoutes } from '../modules/routing/categories.routes.ts';
import { registerCategoryAdminRoutes } from '../modules/routing/category-admin.routes.ts';
import { registerRoutingRuleRoutes } from '../modules/routing/rules.routes.ts';
import { registerRulesFileRoutes } from '../modules/routing/rules-file.routes.ts';
import { registerWorkbenchRoutes } from '../modules/workbench/workbench.routes.ts';
import { installAuth } from './auth.ts';
import type { AppContext } from './context.ts';
import { envelope, installErrorHandlers, routeNotFound } from './errors.ts';
import { loggerOptions } from './logging.ts';
import { webAppHeaders } from './web-headers.ts';

export interface BuildServerOptions {
  ctx: AppContext;
  /** Directory of the built web app (index.html and assets); omitted in API-only tests. */
  webDir?: string | undefined;
  /** Extra routes (tests register routes without a policy, or a module's routes alone). */
  extraRoutes?: (app: FastifyInstance, ctx: AppContext) => void;
  /** Keep-alive period of notification streams (25 s by default; tests shorten it). */
  notificationKeepAliveMs?: number | undefined;
  /** Where log lines go (stdout by default); tests read them to prove what is never logged. */
  logStream?: { write(line: string): void };
}

const APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // antd writes its styles into <style> tags at run time.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/** The HTTP server: API under /api, the web app everywhere else. It does not listen. */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { ctx } = options;
  const app = Fastify({
    logger: {
      ...loggerOptions(ctx.config.LOG_LEVEL),
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    genReqId: () => randomUUID(),
    bodyLimit: ctx.config.BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(ctx.config.TRUST_PROXY),
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body to a JSON route is refused with 415 rather than
  // reaching validation as a string.
  app.removeContentTypeParser('text/plain');
  installErrorHandlers(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: APP_CSP },
    crossOriginEmbedderPolicy: false,
  });
  // The API reference page runs Scalar's bundled script with inline configuration.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/docs')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'",
      );
    }
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () =>
      new AppError({
        status: 429,
        code: 'RATE_LIMITED',
        zh: '请求过于频繁，请稍后再试',
        en: 'Too many requests; try again later',
      }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Luoshi 落实 API',
        version: ctx.version,
        description:
          'Grid call, department report (网格呼叫、部门报到). Errors: {"error": {"code", "message", "message_en", "field"}}. Times are ISO 8601 with +08:00.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'luoshi_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  installAuth(app, ctx);

  app.get('/api/openapi.json', {
    schema: { hide: true },
    config: { public: true },
    handler: async () => app.swagger(),
  });
  await app.register(scalar, {
    routePrefix: '/api/docs',
    configuration: { url: '/api/openapi.json', withDefaultFonts: false, pageTitle: 'Luoshi 落实 API' },
  });

  app.get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Liveness and database',
      response: {
        200: z.object({
          status: z.literal('ok'),
          db: z.enum(['pglite', 'postgresql']),
          version: z.string(),
          migrations: z.number().int(),
        }),
      },
    },
    config: { public: true },
    handler: async () => ({
      status: 'ok' as const,
      db: ctx.database.kind,
      version: ctx.version,
      migrations: await appliedMigrations(ctx.database),
    }),
  });

  registerAuthRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerGridRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerPeopleImportRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerObligationRoutes(app, ctx);
  registerLedgerRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerCaseWorkRoutes(app, ctx);
  registerCaseReportRoutes(app, ctx);
  registerAssessmentRoutes(app, ctx);
  registerRankingRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  registerWorkbenchRoutes(app, ctx);
  registerAlertRoutes(app, ctx);
  registerCategoryRoutes(app, ctx);
  registerCategoryAdminRoutes(app, ctx);
  registerConsultationRoutes(app, ctx);
  registerConsultationUnitRoutes(app, ctx);
  registerRoutingRuleRoutes(app, ctx);
  registerRulesFileRoutes(app, ctx);
  // C5 intake API and Open311 (its own /open311 scope: forms, XML, the spec's 404s).
  registerIntakeRoutes(app, ctx);
  registerFileRoutes(app, ctx);
  registerNotificationRoutes(app, ctx, { keepAliveMs: options.notificationKeepAliveMs });
  registerWebhookRoutes(app, ctx);
  options.extraRoutes?.(app, ctx);

  const webDir = options.webDir && existsSync(options.webDir) ? options.webDir : undefined;
  if (webDir) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
    app.addHook('onSend', webAppHeaders);
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // The web app routes on the client: any page URL gets index.html.
    if (webDir && request.method === 'GET' && !path.startsWith('/api/') && path !== '/api') {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send(envelope(routeNotFound()));
  });
  return app;
}

/** A hop count trusts that many proxies nearest to the server (as proxy-addr counts them). */
function trustProxyOption(value: boolean | number): boolean | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}
