/**
 * Assembles the HTTP application: plugins, authentication, error mapping,
 * OpenAPI, the REST areas under /api/v1 and the built web app.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DestinationStream } from 'pino';
import '../common/zod-setup.ts';
import { fieldLabel } from '../common/field-labels.ts';
import type { ErrorBody, FieldIssue } from '../common/errors.ts';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import { AppError, DATABASE_RETRY_AFTER_SECONDS, fromDatabaseError } from './lib/errors.ts';
import type { App } from './lib/http.ts';
import { frameworkErrorHandler, guardedValidatorCompiler } from './lib/input-guard.ts';
import { swaggerOptions } from './openapi/document.ts';
import { authenticate, markRouteAccess } from './accounts/authenticate.ts';
import { registerActorCache, type ActorCache } from './accounts/actor-cache.ts';
import { registerEdgeSecurity } from './http/security.ts';
import { RetryLaterError } from './http/retry-later.ts';
import { RequestLog } from './http/request-log.ts';
import { authRoutes } from './accounts/auth-routes.ts';
import { userRoutes } from './accounts/user-routes.ts';
import { orgRoutes } from './org/routes.ts';
import { carryEntries } from './succession/carry-entries.ts';
import { successionRoutes } from './succession/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { fileRoutes } from './documents/file-routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { catalogueRoutes } from './catalogue/routes.ts';
import { honoursRoutes } from './honours/routes.ts';
import { honourProposalRoutes } from './honours/proposals/routes.ts';
import { councilRoutes } from './honours/council/routes.ts';
import { honourDecisionRoutes } from './honours/decisions/routes.ts';
import { disclosureRoutes } from './honours/disclosure/routes.ts';
import { funnelRoutes } from './honours/funnel/routes.ts';
import { disciplineRoutes } from './people/discipline-routes.ts';
import { registryRoutes } from './registry/routes.ts';
import { ownerRoutes } from './registry/owner-routes.ts';
import { overviewRoutes } from './registry/overview-routes.ts';
import { ownerDivergenceRoutes } from './registry/owner-divergences-routes.ts';
import { timelineRoutes } from './timeline/routes.ts';
import { dashboardRoutes } from './dashboards/routes.ts';
import { registryExcelRoutes } from './registry-excel/routes.ts';
import { evaluationRoutes } from './evaluation/routes.ts';
import { reportingRoutes } from './reporting/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { monitoringRoutes } from './monitoring/routes.ts';
import { inspectionRoutes } from './inspections/routes.ts';
import { reviewReportRoutes } from './review-report/routes.ts';
import { backupRoutes } from './backup/routes.ts';
import { systemRoutes } from './system/routes.ts';
import { healthRoutes } from './health/routes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const webDist = path.resolve(here, '../web/dist');

function errorBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.entries ? { entries: error.entries } : {}),
    },
  };
}

function validationError(
  issues: Array<{ instancePath?: string; message?: string; params?: unknown }>,
  where: string,
): AppError {
  const fields: FieldIssue[] = issues.map((issue) => {
    const params = issue.params as { issue?: { path?: PropertyKey[]; message?: string } } | undefined;
    const zodPath = params?.issue?.path;
    const field =
      zodPath && zodPath.length > 0
        ? zodPath.map(String).join('.')
        : (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || where;
    const message = params?.issue?.message ?? issue.message ?? 'Giá trị không hợp lệ.';
    return { field, message: `${fieldLabel(field)}: ${message}` };
  });
  const summary = fields.map((f) => f.message).join('; ');
  return new AppError('VALIDATION', `Dữ liệu không hợp lệ — ${summary}`, fields);
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export interface BuildAppOptions {
  db: Kysely<DB>;
  config: Config;
  /** Log at config.logLevel: to stdout (true) or to a stream (tests read what is logged). */
  logger?: boolean | { stream: DestinationStream };
  /** The built web app to serve (default web/dist; a test serves its own). */
  webRoot?: string;
  /** The actor per session, kept right by the database's notifications (accounts/actor-cache.ts); none: no cache. */
  actorCache?: ActorCache | null;
}

export async function buildApp({
  db,
  config,
  logger = false,
  webRoot = webDist,
  actorCache = null,
}: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, ...(logger === true ? {} : { stream: logger.stream }) } : false,
    // One line per request, at debug unless it failed or was slow (http/request-log.ts): not Fastify's two at info.
    logController: new RequestLog(),
    genReqId: () => randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
    // A badly encoded URL or an over-long path parameter: answered in the one error shape (lib/input-guard.ts).
    frameworkErrors: frameworkErrorHandler,
    // Off unless TRUST_PROXY names the proxies: otherwise anyone could choose the address that the audit
    // log records and the rate limits count, by sending X-Forwarded-For.
    // (A number of hops becomes the function Fastify's types accept: trust the first n hops.)
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  // Every request part is checked for NUL characters (which PostgreSQL cannot store) before its zod schema.
  app.setValidatorCompiler(guardedValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorateRequest('ctx', null as never);
  registerActorCache(app, actorCache);
  // Before any route exists: which routes are public (config.public) is read from the route table.
  app.addHook('onRoute', markRouteAccess);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 20 } });
  // Security headers and per-address limits: before authentication and before every route.
  await registerEdgeSecurity(app, config);

  // The document: security per route (x-dh-client on cookie writes), nullable enums a strict validator accepts.
  await app.register(fastifySwagger, swaggerOptions);
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, () => app.swagger());

  app.setErrorHandler((error, request, reply) => {
    let appError: AppError | null = null;
    if (error instanceof AppError) appError = error;
    else if (hasZodFastifySchemaValidationErrors(error)) {
      appError = validationError(error.validation, error.validationContext ?? 'body');
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    } else {
      const e = error as { statusCode?: number; code?: string; message?: string };
      appError = fromDatabaseError(error);
      if (!appError && e.code === 'FST_REQ_FILE_TOO_LARGE') {
        appError = new AppError(
          'PAYLOAD_TOO_LARGE',
          `Tệp quá lớn: tối đa ${Math.round(config.maxUploadBytes / 1024 / 1024)} MB.`,
        );
      } else if (!appError && e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        appError = new AppError('PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.');
      } else if (
        !appError &&
        (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      ) {
        appError = new AppError('UNSUPPORTED_MEDIA_TYPE', 'Kiểu dữ liệu gửi lên không được hỗ trợ.');
      } else if (!appError && e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
        appError = new AppError('BAD_REQUEST', `Yêu cầu không hợp lệ: ${e.message ?? ''}`.trim());
      }
    }
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      return reply.code(500).send({
        error: {
          code: 'INTERNAL',
          message: 'Lỗi hệ thống. Thao tác chưa được thực hiện; hãy thử lại hoặc báo quản trị viên.',
        },
      });
    }
    if (appError.code === 'DATABASE_UNAVAILABLE') reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    if (appError instanceof RetryLaterError) reply.header('Retry-After', String(appError.retryAfterSeconds));
    return reply.code(appError.status).send(errorBody(appError));
  });

  app.addHook('onRequest', authenticate);

  // The areas register their routes synchronously: a callback plugin, done when they are all in.
  await app.register(
    (api, _options, done) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      authRoutes(typed);
      userRoutes(typed);
      orgRoutes(typed, carryEntries);
      successionRoutes(typed);
      peopleRoutes(typed);
      documentRoutes(typed);
      fileRoutes(typed);
      auditRoutes(typed);
      planRoutes(typed);
      catalogueRoutes(typed);
      registryRoutes(typed);
      ownerRoutes(typed);
      overviewRoutes(typed);
      ownerDivergenceRoutes(typed);
      timelineRoutes(typed);
      dashboardRoutes(typed);
      registryExcelRoutes(typed);
      evaluationRoutes(typed);
      reportingRoutes(typed);
      notificationRoutes(typed);
      monitoringRoutes(typed);
      inspectionRoutes(typed);
      honoursRoutes(typed);
      honourProposalRoutes(typed);
      councilRoutes(typed);
      honourDecisionRoutes(typed);
      disclosureRoutes(typed);
      funnelRoutes(typed);
      disciplineRoutes(typed);
      reviewReportRoutes(typed);
      backupRoutes(typed);
      systemRoutes(typed);
      done();
    },
    { prefix: '/api/v1' },
  );

  healthRoutes(app);

  const hasWeb = existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({
      error: { code: 'NOT_FOUND', message: `Không có địa chỉ ${request.method} ${request.url.split('?')[0]}.` },
    });
  });

  return app;
}
