import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { type Deps, inTrx } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { idempotentWrite } from '../../http/idempotency.ts';
import { createLimiter } from '../../http/rate-limit.ts';
import { errors, Id, IdempotencyHeaders, IdParams, ItemsOf, Paging, Text } from '../../http/schemas.ts';
import { AppError } from '../../shared/app-error.ts';
import {
  listStoreProducts,
  MAX_PHOTO_BYTES,
  PhotoSchema,
  ProductSchema,
  ProductStatusSchema,
} from '../catalog/index.ts';
import { createUser, UserSchema } from '../identity/index.ts';
import {
  createPayoutBatch,
  getPayoutBatch,
  listPayoutBatches,
  markBatchPaid,
  payoutFile,
} from './payouts.ts';
import { reviewProduct } from './review.ts';
import {
  addListingPhoto,
  createSeller,
  getSeller,
  listForSeller,
  listSellers,
  sellerProducts,
} from './sellers.ts';
import { sellerStatement } from './statement.ts';
import {
  cancelStoreOrder,
  getStoreOrder,
  listStoreOrders,
  placeStoreOrder,
  refundStoreOrderAs,
} from './store-orders.ts';
import { listListings, storeProductPage } from './storefront.ts';
import {
  BuyerAccountSchema,
  NewListingSchema,
  NewSellerSchema,
  NewStoreOrderSchema,
  PayoutBatchSchema,
  RejectSchema,
  SellerSchema,
  StatementSchema,
  StoreOrderSchema,
  StoreOrderStatusSchema,
  StoreProductPageSchema,
} from './upstream.schemas.ts';

const tags = ['upstream'];
const partner = { roles: ['partner'] } as const;
const sellerReaders = { roles: ['partner', 'county_staff', 'gov_viewer', 'hq_admin'] } as const;
const finance = { roles: ['county_staff', 'hq_admin'] } as const;
const orderReaders = { roles: ['buyer', 'partner', 'county_staff', 'gov_viewer', 'hq_admin'] } as const;

/** Buyer accounts one address may open per hour. */
export const SIGN_UPS_PER_HOUR = 20;

/** Village → city: sellers, their listings and the county's review, the storefront and its orders. */
export const upstreamRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    // Buyer sign-up needs no account, so one address could fill the users table (and spend
    // an argon2 hash per try); a household or an office rarely opens more than a few.
    const signUps = createLimiter(SIGN_UPS_PER_HOUR, 60 * 60 * 1000);

    app.post(
      '/sellers',
      {
        config: { access: partner },
        schema: {
          tags,
          description: 'A villager of the partner’s centre becomes a seller; consent is recorded now.',
          body: NewSellerSchema,
          response: { 201: SellerSchema, ...errors(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const seller = await createSeller(deps, actorOf(request), request.body);
        request.audit = { countyId: seller.countyId, entityId: seller.id };
        return reply.code(201).send(seller);
      },
    );

    app.get(
      '/sellers',
      {
        config: { access: sellerReaders },
        schema: {
          tags,
          querystring: Type.Object({ countyId: Type.Optional(Id), centerId: Type.Optional(Id) }),
          response: { 200: ItemsOf(SellerSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => ({ items: await listSellers(deps, actorOf(request), request.query) }),
    );

    app.get(
      '/sellers/:id',
      {
        config: { access: sellerReaders },
        schema: { tags, params: IdParams, response: { 200: SellerSchema, ...errors(401, 403, 404) } },
      },
      async (request) => getSeller(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/sellers/:id/products',
      {
        config: { access: partner },
        schema: {
          tags,
          description: 'Lists a village product for the seller; it waits for the county’s review.',
          params: IdParams,
          body: NewListingSchema,
          response: { 201: ProductSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const product = await listForSeller(deps, actorOf(request), request.params.id, request.body);
        request.audit = { countyId: actorOf(request).countyId, entityId: product.id };
        return reply.code(201).send(product);
      },
    );

    app.get(
      '/sellers/:id/products',
      {
        config: { access: sellerReaders },
        schema: {
          tags,
          params: IdParams,
          response: { 200: ItemsOf(ProductSchema), ...errors(401, 403, 404) },
        },
      },
      async (request) => ({ items: await sellerProducts(deps, actorOf(request), request.params.id) }),
    );

    // Photos arrive as the raw picture, as a phone or the centre's PC uploads a file.
    await app.register(async (plugin) => {
      const photos = plugin.withTypeProvider<TypeBoxTypeProvider>();
      photos.addContentTypeParser(
        ['image/jpeg', 'image/png', 'image/webp'],
        { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES },
        (_request, body, done) => done(null, body),
      );
      photos.post(
        '/products/:id/photos',
        {
          config: { access: partner },
          bodyLimit: MAX_PHOTO_BYTES,
          schema: {
            tags,
            description:
              'Adds a photo (the JPEG, PNG or WebP file as the body, up to 8 MiB) to a seller’s product.',
            params: IdParams,
            response: { 201: PhotoSchema, ...errors(400, 401, 403, 404, 409, 413, 415) },
          },
        },
        async (request, reply) => {
          if (!Buffer.isBuffer(request.body))
            throw new AppError('unsupported_media_type', 'Send the JPEG, PNG or WebP file as the body');
          const photo = await addListingPhoto(deps, actorOf(request), request.params.id, request.body);
          request.audit = { countyId: actorOf(request).countyId, entityId: request.params.id };
          return reply.code(201).send(photo);
        },
      );
    });

    app.get(
      '/sellers/:id/statement',
      {
        config: { access: { roles: ['partner', 'county_staff', 'hq_admin'] } },
        schema: { tags, params: IdParams, response: { 200: StatementSchema, ...errors(401, 403, 404) } },
      },
      async (request) => sellerStatement(deps, actorOf(request), request.params.id),
    );

    for (const decision of ['approve', 'reject'] as const) {
      app.post(
        `/products/:id/${decision}`,
        {
          config: { access: { roles: ['county_staff'] } },
          schema: {
            tags,
            description:
              decision === 'approve'
                ? 'The county approves a village product: it goes on the storefront.'
                : 'The county rejects a village product, with the reason.',
            params: IdParams,
            ...(decision === 'reject' ? { body: RejectSchema } : {}),
            response: { 200: ProductSchema, ...errors(400, 401, 403, 404, 409) },
          },
        },
        async (request) => {
          const actor = actorOf(request);
          const product = await reviewProduct(
            deps,
            actor,
            request.params.id,
            decision === 'approve'
              ? { approve: true }
              : { approve: false, reason: (request.body as { reason: string }).reason },
          );
          request.audit = { countyId: actor.countyId, entityId: product.id };
          return product;
        },
      );
    }

    app.post(
      '/payouts/batches',
      {
        config: { access: finance },
        schema: {
          tags,
          description: 'Everything the county’s sellers are owed, in one batch for the bank.',
          body: Type.Object({ countyId: Id }),
          response: { 201: PayoutBatchSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const batch = await createPayoutBatch(deps, actorOf(request), request.body.countyId);
        request.audit = { countyId: batch.countyId, entityId: batch.id };
        return reply.code(201).send(batch);
      },
    );

    app.get(
      '/payouts/batches',
      {
        config: { access: finance },
        schema: {
          tags,
          querystring: Type.Object({ countyId: Id }),
          response: { 200: ItemsOf(PayoutBatchSchema), ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => ({ items: await listPayoutBatches(deps, actorOf(request), request.query.countyId) }),
    );

    app.get(
      '/payouts/batches/:id',
      {
        config: { access: finance },
        schema: { tags, params: IdParams, response: { 200: PayoutBatchSchema, ...errors(401, 403, 404) } },
      },
      async (request) => getPayoutBatch(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/payouts/batches/:id/file',
      {
        config: { access: finance },
        schema: {
          tags,
          description: 'The payout file for the bank (CSV with the full account numbers).',
          params: IdParams,
          response: { 200: Type.String(), ...errors(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const csv = await payoutFile(deps, actorOf(request), request.params.id);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="payouts-${request.params.id}.csv"`)
          .send(csv);
      },
    );

    app.post(
      '/payouts/batches/:id/paid',
      {
        config: { access: finance },
        schema: {
          tags,
          description: 'The bank confirmed the transfer; each seller gets an SMS.',
          params: IdParams,
          body: Type.Object({ bankReference: Text(100) }),
          response: { 200: PayoutBatchSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const batch = await markBatchPaid(
          deps,
          actorOf(request),
          request.params.id,
          request.body.bankReference,
        );
        request.audit = { countyId: batch.countyId, entityId: batch.id };
        deps.nudgeOutbox();
        return batch;
      },
    );

    app.post(
      '/store/accounts',
      {
        config: { access: 'public' },
        schema: {
          tags,
          description: 'A city buyer signs up for the storefront.',
          body: BuyerAccountSchema,
          response: { 201: UserSchema, ...errors(400, 409, 429) },
        },
      },
      async (request, reply) => {
        if (!signUps.hit(request.ip))
          throw new AppError('rate_limited', 'Too many sign-ups from this address; try again later');
        const user = await createUser(deps, null, { ...request.body, role: 'buyer' });
        request.audit = { countyId: null, entityId: user.id };
        return reply.code(201).send(user);
      },
    );

    app.get(
      '/store/products',
      {
        config: { access: 'public' },
        schema: {
          tags,
          querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ...Paging }),
          response: {
            200: Type.Object({ items: Type.Array(ProductSchema), total: Type.Integer() }),
            ...errors(400),
          },
        },
      },
      async (request) => {
        const { q, limit = 20, offset = 0 } = request.query;
        return listStoreProducts(deps, { q, limit, offset });
      },
    );

    app.get(
      '/store/products/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          description: 'The product page and its origin (what the traceability QR code opens).',
          params: IdParams,
          response: { 200: StoreProductPageSchema, ...errors(404) },
        },
      },
      async (request) => storeProductPage(deps, request.params.id),
    );

    app.get(
      '/listings',
      {
        config: { access: sellerReaders },
        schema: {
          tags,
          description:
            'Village products of the sellers in scope; `status=pending_review` is the county’s review queue.',
          querystring: Type.Object({ status: Type.Optional(ProductStatusSchema) }),
          response: { 200: ItemsOf(ProductSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => ({ items: await listListings(deps, actorOf(request), request.query) }),
    );

    app.post(
      '/store/orders',
      {
        config: { access: { roles: ['buyer'] } },
        schema: {
          tags,
          description: 'Paid through the payment provider; every line from sellers of one village centre.',
          headers: IdempotencyHeaders,
          body: NewStoreOrderSchema,
          response: { 201: StoreOrderSchema, ...errors(400, 401, 403, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const order = await idempotentWrite(
          deps,
          request,
          reply,
          201,
          (trx) => placeStoreOrder(inTrx(deps, trx), trx, actor, request.body),
          (o) => ({ countyId: o.countyId, entityId: o.id }),
        );
        deps.nudgeOutbox();
        return order;
      },
    );

    app.get(
      '/store/orders',
      {
        config: { access: orderReaders },
        schema: {
          tags,
          querystring: Type.Object({ status: Type.Optional(StoreOrderStatusSchema), ...Paging }),
          response: { 200: ItemsOf(StoreOrderSchema), ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { limit = 50, offset = 0, status } = request.query;
        return { items: await listStoreOrders(deps, actorOf(request), { status, limit, offset }) };
      },
    );

    app.get(
      '/store/orders/:id',
      {
        config: { access: orderReaders },
        schema: { tags, params: IdParams, response: { 200: StoreOrderSchema, ...errors(401, 403, 404) } },
      },
      async (request) => getStoreOrder(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/store/orders/:id/refund',
      {
        config: { access: finance },
        schema: {
          tags,
          description:
            'Goods lost on the way or sent back after delivery: the buyer is refunded, a delivered split reversed.',
          params: IdParams,
          body: RejectSchema,
          response: { 200: StoreOrderSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const order = await refundStoreOrderAs(
          deps,
          actorOf(request),
          request.params.id,
          request.body.reason,
        );
        request.audit = { countyId: order.countyId, entityId: order.id };
        deps.nudgeOutbox();
        return order;
      },
    );

    app.post(
      '/store/orders/:id/cancel',
      {
        config: { access: { roles: ['buyer', 'partner', 'county_staff'] } },
        schema: {
          tags,
          params: IdParams,
          response: { 200: StoreOrderSchema, ...errors(401, 403, 404, 409) },
        },
      },
      async (request) => {
        const order = await cancelStoreOrder(deps, actorOf(request), request.params.id);
        request.audit = { countyId: order.countyId, entityId: order.id };
        deps.nudgeOutbox();
        return order;
      },
    );
  };
