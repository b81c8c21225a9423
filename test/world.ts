import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { makeProduct, merchantWithUser } from './catalog-scenarios.ts';
import type { TestApp } from './harness.ts';
import { arrive, codeIn, inTransit, makeVan, pickupMessages, plan, ship } from './logistics-scenarios.ts';
import {
  countyWithStaff,
  depositFloat,
  makeUser,
  openCentreWithPartner,
  PASSWORD,
  post,
  registerVillager,
  signIn,
} from './scenarios.ts';

/**
 * A county with one of everything the API has ids for, built through the API, for the
 * suites generated from the OpenAPI document (fuzzing, the permission matrix): they need
 * real ids so that their requests reach the handlers.
 */
const unique = () => randomBytes(4).toString('hex');
const phone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

export type RoleTokens = Record<
  'hq_admin' | 'county_staff' | 'partner' | 'merchant' | 'gov_viewer' | 'buyer',
  string
>;

/** The signed-in users of one county (and a merchant and a buyer of its own). */
export async function countyTeam(t: TestApp, hq: string) {
  const a = await countyWithStaff(t, hq);
  const centre = await openCentreWithPartner(t, a.staff.token, a.county.id, a.village.id);
  const shop = await merchantWithUser(t, hq);
  const gov = await makeUser(t, hq, 'gov_viewer', { countyId: a.county.id });
  const buyerLogin = `buyer-${unique()}`;
  await post(t, '', '/api/v1/store/accounts', { login: buyerLogin, password: PASSWORD, displayName: '买家' });
  const tokens: RoleTokens = {
    hq_admin: hq,
    county_staff: a.staff.token,
    partner: centre.partner.token,
    merchant: shop.token,
    gov_viewer: gov.token,
    buyer: await signIn(t, buyerLogin),
  };
  return { ...a, centre, shop, tokens };
}

/** A county team with a resource of every kind; `ids` names them as routes and bodies do. */
export async function populatedCounty(t: TestApp, hq: string) {
  const team = await countyTeam(t, hq);
  const { tokens, county, village } = team;
  const center = team.centre.center;
  await depositFloat(t, tokens.county_staff, center.id, 10_000_000);
  const product = await makeProduct(t, tokens.merchant, { stock: 10_000, weightGrams: 2_500 });
  const villager = await registerVillager(t, tokens.partner);
  const logistics = { ...team, product };
  await makeVan(t, logistics);
  // An order carried, picked up and partly returned, for the routes about returns.
  const sold = await post(t, tokens.partner, '/api/v1/orders', {
    villagerId: villager.id,
    lines: [{ productId: product.id, quantity: 2 }],
    payment: 'float',
  });
  const soldParcel = await inTransit(t, logistics, sold.id);
  expect((await arrive(t, tokens.partner, center.id, soldParcel.trackingNumber)).status).toBe(200);
  const [sms] = await pickupMessages(t, hq, villager.phone);
  await post(t, tokens.partner, `/api/v1/orders/${sold.id}/pickup`, { pickupCode: codeIn(sms!) }, 200);
  const returned = await post(t, tokens.partner, `/api/v1/orders/${sold.id}/returns`, {
    lines: [{ productId: product.id, quantity: 1 }],
    reason: '包装破损',
  });
  const order = await post(t, tokens.partner, '/api/v1/orders', {
    villagerId: villager.id,
    lines: [{ productId: product.id, quantity: 1 }],
    payment: 'float',
  });
  const parcel = await ship(t, logistics, order.id);
  await post(
    t,
    tokens.county_staff,
    '/api/v1/hub/scans',
    { trackingNumber: parcel.trackingNumber, type: 'received' },
    200,
  );
  const { runs } = await plan(t, logistics);
  expect(runs.length).toBeGreaterThan(0);
  const recipientPhone = phone();
  const carrierParcel = await post(t, tokens.county_staff, '/api/v1/parcels', {
    trackingNumber: `SF${unique()}`,
    carrier: '顺丰',
    recipientPhone,
    centerId: center.id,
  });

  const seller = await post(t, tokens.partner, '/api/v1/sellers', { villagerId: villager.id });
  const honey = {
    title: '土蜂蜜',
    description: '高山百花蜜',
    priceFen: 8_800,
    stock: 20,
    unit: '瓶',
    weightGrams: 1_000,
    origin: { grade: '一级', harvestDate: '2026-10-01' },
  };
  const pending = await post(t, tokens.partner, `/api/v1/sellers/${seller.id}/products`, honey);
  const approved = await post(t, tokens.partner, `/api/v1/sellers/${seller.id}/products`, honey);
  await post(t, tokens.county_staff, `/api/v1/products/${approved.id}/approve`, undefined, 200);
  const storeOrder = await post(t, tokens.buyer, '/api/v1/store/orders', {
    lines: [{ productId: approved.id, quantity: 1 }],
    shipTo: { name: '李女士', phone: phone(), address: '上海市徐汇区漕溪北路 1 号' },
  });

  const ticket = await post(t, tokens.partner, '/api/v1/support/tickets', {
    category: 'hardware',
    priority: 'high',
    subject: '扫码枪无法识别条码',
    body: '今天上午开始扫码枪没有反应。',
  });
  const applicantPhone = phone();
  const application = await post(t, tokens.county_staff, '/api/v1/recruitment/applications', {
    countyId: county.id,
    villageId: village.id,
    name: '申请人',
    phone: applicantPhone,
    profile: 'other',
    answers: { hasPremises: true },
  });
  const course = await post(t, hq, '/api/v1/courses', {
    title: `课程${unique()}`,
    requiredForOpening: false,
  });
  const session = await post(t, tokens.county_staff, '/api/v1/training/sessions', {
    countyId: county.id,
    courseId: course.id,
    startsAt: '2026-12-01T01:30:00Z',
    trainer: '李老师',
  });
  const agreement = await post(t, tokens.county_staff, `/api/v1/counties/${county.id}/agreements`, {
    title: '合作协议',
    signedOn: '2026-03-01',
    validUntil: '2029-02-28',
    terms: '县政府提供场地。',
    subsidyFen: 1_000_000,
  });
  await post(t, tokens.county_staff, `/api/v1/centers/${center.id}/assets`, {
    kind: 'barcode_scanner',
    serialNo: `SN${unique()}`,
    model: '标配',
  });
  const promotion = await post(t, tokens.county_staff, '/api/v1/promotions', {
    name: `县促销${unique()}`,
    type: 'percent',
    value: 5,
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    countyIds: [county.id],
    categories: ['化肥'],
  });
  const service = await post(t, tokens.partner, '/api/v1/services/requests', {
    villagerId: villager.id,
    kind: 'mobile_topup',
    amountFen: 2_000,
    details: {},
  });
  const screen = await post(t, tokens.partner, `/api/v1/centers/${center.id}/screen-token`, {});
  await t.drain();

  /** Ids by the collection a path names them under (`/centers/{id}` → centers). */
  const byCollection: Record<string, string> = {
    counties: county.id,
    villages: village.id,
    centers: center.id,
    merchants: team.shop.merchant.id,
    products: pending.id,
    promotions: promotion.id,
    villagers: villager.id,
    partners: team.centre.partner.user.id,
    orders: order.id,
    returns: returned.id,
    'store/orders': storeOrder.id,
    'store/products': approved.id,
    parcels: carrierParcel.id,
    runs: runs[0].id,
    sellers: seller.id,
    'training/sessions': session.id,
    applications: application.id,
    tickets: ticket.id,
    'services/requests': service.id,
    screens: screen.token,
    agreements: agreement.id,
  };
  /** Ids by the name a path parameter or a body field gives them. */
  const byName: Record<string, string> = {
    countyId: county.id,
    villageId: village.id,
    centerId: center.id,
    merchantId: team.shop.merchant.id,
    productId: product.id,
    villagerId: villager.id,
    userId: team.centre.partner.user.id,
    orderId: order.id,
    parcelId: parcel.parcelId,
    trackingNumber: parcel.trackingNumber,
    sellerId: seller.id,
    courseId: course.id,
    sessionId: session.id,
    vehicleId: runs[0].vehicleId,
    token: screen.token,
    profile: 'store_owner',
    size: 'web',
  };
  /** What a caller outside the county must never be shown. */
  const secrets = [
    county.id,
    village.id,
    center.id,
    villager.id,
    villager.phone,
    team.centre.partner.user.id,
    order.id,
    sold.id,
    returned.id,
    soldParcel.trackingNumber,
    storeOrder.id,
    parcel.parcelId,
    parcel.trackingNumber,
    carrierParcel.id,
    carrierParcel.trackingNumber,
    recipientPhone,
    runs[0].id,
    seller.id,
    pending.id,
    ticket.id,
    application.id,
    applicantPhone,
    session.id,
    agreement.id,
    promotion.id,
    service.id,
    screen.token,
  ].filter((s): s is string => typeof s === 'string' && s.length > 0);
  /** Villagers' and applicants' full numbers: only the roles that serve them may see them. */
  const phones = [villager.phone, recipientPhone, applicantPhone] as string[];
  return { ...team, byCollection, byName, secrets, phones };
}
export type PopulatedCounty = Awaited<ReturnType<typeof populatedCounty>>;

/** The real id a path parameter of `path` stands for, or null where the county has none. */
export function idForParam(c: PopulatedCounty, path: string, param: string): string | null {
  if (param !== 'id' && c.byName[param]) return c.byName[param]!;
  const before = path.split(`{${param}}`)[0]!.split('/').filter(Boolean);
  const one = before.at(-1) ?? '';
  const two = before.slice(-2).join('/');
  return c.byCollection[two] ?? c.byCollection[one] ?? c.byName[param] ?? null;
}

/** The tables of the database, from its own catalog: a new module's tables are included. */
export async function allTables(t: TestApp): Promise<string[]> {
  const rows =
    t.deps.dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          t.deps.db,
        )
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.deps.db);
  return rows.rows.map((r) => r.name).sort();
}

/**
 * Every row of every table, as one comparable text per table: a snapshot before and after
 * shows any insert, update or delete, not only changed counts. `skip` names tables that
 * legitimately change on refused requests.
 */
export async function snapshot(t: TestApp, tables: string[], skip: readonly string[] = []) {
  const out: Record<string, string> = {};
  for (const table of tables) {
    if (skip.includes(table)) continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.deps.db);
    out[table] = rows.rows
      .map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.length : v)))
      .sort()
      .join('\n');
  }
  return out;
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}
