import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { sql } from 'kysely';
import type { Deps } from './deps.ts';
import { registerAudit } from './http/audit.ts';
import { registerAuth } from './http/auth.ts';
import { registerErrorHandling } from './http/errors.ts';
import { ErrorBody } from './http/schemas.ts';
import { validatorCompiler } from './http/validation.ts';
import { registerWeb } from './http/web.ts';
import type { OutboxHandlers } from './jobs/outbox-worker.ts';
import { campaignRoutes } from './modules/campaigns/campaigns.routes.ts';
import { catalogRoutes } from './modules/catalog/catalog.routes.ts';
import { feeRoutes } from './modules/fees/fees.routes.ts';
import { fieldVisitRoutes } from './modules/field-visits/field-visits.routes.ts';
import { governmentRoutes } from './modules/government/government.routes.ts';
import { identityRoutes, type LoginLimits } from './modules/identity/identity.routes.ts';
import { ledgerRoutes } from './modules/ledger/ledger.routes.ts';
import { createReturnParcel } from './modules/logistics/index.ts';
import { logisticsRoutes } from './modules/logistics/logistics.routes.ts';
import { networkRoutes } from './modules/network/network.routes.ts';
import {
  SMS_TOPIC,
  type SmsProvider,
  sandboxSmsProvider,
  smsHandler,
} from './modules/notifications/index.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { onboardingRoutes } from './modules/onboarding/onboarding.routes.ts';
import { RETURN_TO_MERCHANT_TOPIC } from './modules/orders/index.ts';
import { orderRoutes } from './modules/orders/orders.routes.ts';
import { partnerRoutes } from './modules/partners/partners.routes.ts';
import { performanceRoutes } from './modules/performance/performance.routes.ts';
import { recruitmentRoutes } from './modules/recruitment/recruitment.routes.ts';
import { rolloutRoutes } from './modules/rollout/rollout.routes.ts';
import { screenRoutes } from './modules/screens/screens.routes.ts';
import {
  SERVICE_TOPIC,
  type ServiceProviders,
  sandboxServiceProviders,
  serviceHandler,
} from './modules/services/index.ts';
import { serviceRoutes } from './modules/services/services.routes.ts';
import { supportRoutes } from './modules/support/support.routes.ts';
import { trainingRoutes } from './modules/training/training.routes.ts';
import {
  PAYMENT_TOPIC,
  type PaymentProvider,
  paymentHandler,
  sandboxPaymentProvider,
} from './modules/upstream/index.ts';
import { upstreamRoutes } from './modules/upstream/upstream.routes.ts';
import { villagerRoutes } from './modules/villagers/villagers.routes.ts';
import { uuidv7 } from './shared/ids.ts';

export const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export type AppOptions = {
  /** The process logger; tests run without one. */
  logger?: FastifyBaseLogger;
  webDir?: string | null;
  loginLimits?: LoginLimits;
  /** Everyday-service providers, shared with the outbox handlers; the sandbox by default. */
  services?: ServiceProviders;
  /** The secret outside carriers present on delivery callbacks; without one there are none. */
  carrierCallbackToken?: string | undefined;
  /** One of several API processes: every response names it in `x-worker-pid`. */
  announceWorker?: boolean;
};

export type Providers = { sms: SmsProvider; services: ServiceProviders; payments: PaymentProvider };

/** The providers: sandboxes that answer like real ones unless configured (docs/operations.md). */
export function defaultProviders(services: ServiceProviders = sandboxServiceProviders()): Providers {
  return { sms: sandboxSmsProvider, services, payments: sandboxPaymentProvider };
}

/** Every outbox topic and the function that delivers it. */
export function outboxHandlers(providers: Providers): OutboxHandlers {
  return {
    [SMS_TOPIC]: smsHandler(providers.sms),
    [SERVICE_TOPIC]: serviceHandler(providers.services),
    [PAYMENT_TOPIC]: paymentHandler(providers.payments),
    [RETURN_TO_MERCHANT_TOPIC]: createReturnParcel,
  };
}

/** The HTTP application: plugins, then each module's routes under /api/v1. No listen here. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : uuidv7();
    },
    bodyLimit: 1_048_576,
    trustProxy: false,
    // A path the router refuses (bad escapes, an overlong id) answers in the error shape too.
    frameworkErrors: (error, _request, reply) => {
      (reply as FastifyReply).code(400).send({
        error: { code: 'validation_failed', message: `Invalid path: ${error.message}`, details: null },
      });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // An empty body with a JSON content type is an empty object, as many clients send it.
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, {});
    return jsonParser(request, text, done);
  });
  // The API speaks JSON only: Fastify's built-in text parser would hand a route without a
  // body schema (an action such as logout or open) a string, and the action would run.
  app.removeContentTypeParser('text/plain');
  const pid = options.announceWorker ? String(process.pid) : null;
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    if (pid) reply.header('x-worker-pid', pid);
    return payload;
  });
  registerErrorHandling(app);
  app.addSchema(ErrorBody);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyCompress, { threshold: 1024 });
  registerAuth(app, deps);
  registerAudit(app, deps);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Cuntong API', version: '1.0.0', description: 'Rural e-commerce service network' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  app.get('/health', { schema: { hide: true } }, async (_request, reply) => {
    await sql`select 1`.execute(deps.db);
    return reply.send({ status: 'ok' });
  });

  await app.register(
    async (api) => {
      await api.register(identityRoutes(deps, options.loginLimits));
      await api.register(networkRoutes(deps));
      await api.register(catalogRoutes(deps));
      await api.register(notificationRoutes(deps));
      await api.register(ledgerRoutes(deps));
      await api.register(feeRoutes(deps));
      await api.register(villagerRoutes(deps));
      await api.register(partnerRoutes(deps));
      await api.register(performanceRoutes(deps));
      await api.register(orderRoutes(deps));
      await api.register(logisticsRoutes(deps, options.carrierCallbackToken));
      await api.register(upstreamRoutes(deps));
      await api.register(trainingRoutes(deps));
      await api.register(recruitmentRoutes(deps));
      await api.register(governmentRoutes(deps));
      await api.register(onboardingRoutes(deps));
      await api.register(supportRoutes(deps));
      await api.register(serviceRoutes(deps, options.services ?? sandboxServiceProviders()));
      await api.register(screenRoutes(deps));
      await api.register(fieldVisitRoutes(deps));
      await api.register(campaignRoutes(deps));
      await api.register(rolloutRoutes(deps));
    },
    { prefix: '/api/v1' },
  );

  const webDir = options.webDir === undefined ? defaultWebDir : options.webDir;
  if (webDir) await registerWeb(app, webDir);
  return app;
}
