import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { errors, Id, IdParams, ItemsOf } from '../../http/schemas.ts';
import { AppError } from '../../shared/app-error.ts';
import {
  CategorySchema,
  NewProductSchema,
  ProductPatchSchema,
  ProductQuerySchema,
  ProductSchema,
} from './catalog.schemas.ts';
import { createProduct } from './create-product.ts';
import { getProduct, listCategories, listProducts } from './list-products.ts';
import { photoBytes } from './product-photos.ts';
import { updateProduct } from './update-product.ts';

const tags = ['catalog'];
/** Buyers are kept out: they will shop a storefront of their own. */
const readers = { roles: ['hq_admin', 'county_staff', 'gov_viewer', 'partner', 'merchant'] } as const;

export const productRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/products',
      {
        config: { access: { roles: ['merchant'] } },
        schema: {
          tags,
          body: NewProductSchema,
          response: { 201: ProductSchema, ...errors(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const product = await createProduct(deps, actorOf(request), request.body);
        request.audit = { countyId: null, entityId: product.id };
        return reply.code(201).send(product);
      },
    );

    app.patch(
      '/products/:id',
      {
        config: { access: { roles: ['merchant', 'hq_admin'] } },
        schema: {
          tags,
          params: IdParams,
          body: ProductPatchSchema,
          response: { 200: ProductSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const product = await updateProduct(deps, actorOf(request), request.params.id, request.body);
        request.audit = { countyId: null, entityId: product.id };
        return product;
      },
    );

    app.get(
      '/products',
      {
        config: { access: readers },
        schema: {
          tags,
          querystring: ProductQuerySchema,
          response: {
            200: Type.Object({ items: Type.Array(ProductSchema), total: Type.Integer() }),
            ...errors(400, 401, 403),
          },
        },
      },
      async (request) => {
        const { limit = 20, offset = 0, ...rest } = request.query;
        return listProducts(deps, actorOf(request), { ...rest, limit, offset });
      },
    );

    app.get(
      '/products/:id',
      {
        config: { access: readers },
        schema: {
          tags,
          params: IdParams,
          querystring: Type.Object({ countyId: Type.Optional(Id) }),
          response: { 200: ProductSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => getProduct(deps, actorOf(request), request.params.id, request.query.countyId),
    );

    app.get(
      '/categories',
      {
        config: { access: readers },
        schema: { tags, response: { 200: ItemsOf(CategorySchema), ...errors(401, 403) } },
      },
      async (request) => ({ items: await listCategories(deps, actorOf(request)) }),
    );

    app.get(
      '/media/photos/:id/:size',
      {
        config: { access: 'public' },
        schema: {
          tags,
          description: 'A product photo (JPEG): `web` up to 1200 px wide, `thumb` 400 px square.',
          params: Type.Object({ id: Id, size: Type.Union([Type.Literal('web'), Type.Literal('thumb')]) }),
          response: { ...errors(404) },
        },
      },
      async (request, reply) => {
        const bytes = await photoBytes(deps.db, request.params.id, request.params.size);
        if (!bytes) throw new AppError('not_found', 'Photo not found');
        // A photo never changes under its id: browsers and proxies may keep it for good.
        return reply
          .header('content-type', 'image/jpeg')
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(bytes);
      },
    );
  };
