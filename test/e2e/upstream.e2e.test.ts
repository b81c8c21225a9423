import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  apiLogin,
  DEMO_PASSWORD,
  runBrowserTests,
  screenshotDir,
  useServerAndBrowser,
  visible,
} from './support.ts';

const shots = screenshotDir;
const TITLE = '槐花蜂蜜';
/** The storefront's way of showing fen, for amounts under ¥1,000. */
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

type StoreOrder = {
  id: string;
  status: string;
  trackingNumber: string | null;
  lines: Array<{ productId: string }>;
};
type Statement = {
  items: Array<{ orderId: string; grossFen: number; sellerShareFen: number }>;
  totals: { grossFen: number; sellerShareFen: number; balanceFen: number };
};

describe.runIf(runBrowserTests)('a village product sold to a city buyer', () => {
  const env = useServerAndBrowser();

  const { call } = env;
  const login = (name: string, password = DEMO_PASSWORD) => apiLogin(env.server.baseUrl, name, password);

  async function signIn(page: Page, name: string, landing: RegExp) {
    await page.goto(`${env.server.baseUrl}/login`);
    await page.getByLabel('账号').fill(name);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(landing);
  }

  /** The browser profile is shared between pages: sign out so the next sign-in starts clean. */
  async function signOut(page: Page, to: RegExp) {
    await page.getByTestId('logout').click();
    // Polling the address names where the page went instead, should it go elsewhere.
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(to);
    await page.close();
  }

  it('is listed by the partner, approved by the county, bought, carried and paid to the seller', async () => {
    const partner = await login('partner1');
    const { centerId } = await call<{ centerId: string }>(partner, '/me');
    const villagerName = `养蜂人${String(Date.now()).slice(-4)}`;
    await call(
      partner,
      '/villagers',
      { name: villagerName, phone: `136${String(Date.now()).slice(-8)}` },
      201,
    );

    // partner1 makes the villager a seller and lists the honey for review.
    const desk = await env.browser.context.newPage();
    await signIn(desk, 'partner1', /\/partner$/);
    await desk.getByRole('link', { name: '卖家', exact: true }).click();
    await desk.waitForURL(/\/partner\/sellers$/);
    // The order page behind has a villager picker too: wait for the sellers page's own.
    await visible(desk.getByTestId('seller-form'));
    await desk.getByLabel('查找村民').fill(villagerName);
    await desk.getByTestId('villager-results').getByRole('button', { name: '选择' }).click();
    await visible(desk.getByTestId('picked-villager').getByText(villagerName));
    await desk.getByLabel('卖家故事').fill('三代养蜂人，蜂场在后山。');
    await desk.getByTestId('create-seller').click();
    await desk.waitForURL(/\/partner\/sellers\/[^/]+$/);
    const sellerId = decodeURIComponent(desk.url().split('/').pop()!);
    await visible(desk.getByTestId('seller-name').getByText(villagerName));
    await desk.getByLabel('商品名称').fill(TITLE);
    await desk.getByLabel('商品描述').fill('后山槐花蜜，自然成熟。');
    await desk.getByLabel('价格').fill('88');
    await desk.getByLabel('库存').fill('20');
    await desk.getByLabel('重量（克）').fill('1000');
    await desk.getByLabel('等级').fill('特级');
    await desk.getByTestId('submit-listing').click();
    const listing = desk.getByTestId('listing-table').locator('tr').filter({ hasText: TITLE });
    await visible(listing.getByText('待审核'));
    // A photo from the centre's PC: chosen in the file dialog, uploaded as it is.
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#e8b84a' } })
      .jpeg()
      .toBuffer();
    await listing
      .locator('input[type=file]')
      .setInputFiles({ name: 'honey.jpg', mimeType: 'image/jpeg', buffer: photo });
    await visible(listing.locator('img'));
    // The traceability label's QR code opens the product's public page.
    await listing.getByRole('link', { name: '溯源标签' }).click();
    await visible(desk.getByTestId('trace-label').getByTestId('qr-code'));
    if (shots) await desk.screenshot({ path: `${shots}/trace-label.png`, fullPage: true });
    await signOut(desk, /\/login$/);

    // The county approves it from its review queue.
    const county = await login('county');
    const hub = await env.browser.context.newPage();
    await signIn(hub, 'county', /\/county\/centers$/);
    await hub.getByRole('tab', { name: '上架审核' }).click();
    await hub.waitForURL(/\/county\/listings$/);
    const pending = hub.getByTestId('review-table').locator('tr').filter({ hasText: TITLE });
    await visible(pending);
    if (shots) await hub.screenshot({ path: `${shots}/review-queue.png`, fullPage: true });
    await pending.getByTestId('approve-listing').click();
    await pending.waitFor({ state: 'detached', timeout: 20_000 });
    await signOut(hub, /\/login$/);

    // A city buyer finds it by pinyin, signs up at checkout and pays.
    const store = await env.browser.context.newPage();
    await store.setViewportSize({ width: 390, height: 844 });
    await store.goto(`${env.server.baseUrl}/store`);
    await visible(store.getByTestId('store-product').filter({ hasText: TITLE }));
    await store.getByLabel('搜索农产品').fill('fengmi');
    await store.getByLabel('搜索农产品').press('Enter');
    await store.waitForURL(/\/store\?q=fengmi$/);
    await store.getByTestId('store-product').filter({ hasText: TITLE }).click();
    await store.waitForURL(/\/store\/p\/[^/]+$/);
    await visible(store.getByTestId('product-origin').getByText(villagerName));
    await visible(store.getByTestId('product-origin').getByText('特级'));
    await visible(store.getByTestId('product-photos').locator('img').first());
    if (shots) await store.screenshot({ path: `${shots}/store-product.png`, fullPage: true });
    await store.getByTestId('add-to-cart').click();
    await store.getByTestId('cart-link').click();
    await visible(store.getByTestId('cart-group').getByText(TITLE));
    await store.getByTestId('sign-in-to-buy').click();
    await store.getByRole('link', { name: '还没有账号？注册' }).click();
    await store.waitForURL(/\/store\/signup$/);
    const buyerLogin = `buyer${Date.now()}`;
    const buyerPassword = 'city-buyer-2026';
    await store.getByLabel('账号').fill(buyerLogin);
    await store.getByLabel('昵称').fill('城里的买家');
    await store.getByLabel('密码').fill(buyerPassword);
    await store.getByTestId('account-submit').click();
    await store.waitForURL(/\/store\/cart$/);
    await store.getByLabel('收货人').fill('王女士');
    await store.getByLabel('手机号').fill('13912345678');
    await store.getByLabel('收货地址').fill('杭州市西湖区文三路 100 号');
    await visible(store.getByTestId('cart-total').getByText('¥88.00'));
    if (shots) await store.screenshot({ path: `${shots}/store-checkout.png`, fullPage: true });
    await store.getByTestId('place-order').click();
    await store.waitForURL(/\/store\/orders$/);
    await visible(store.getByTestId('my-order').filter({ hasText: TITLE }).getByText('待揽收'));
    if (shots) await store.screenshot({ path: `${shots}/store-orders.png`, fullPage: true });
    const buyer = await login(buyerLogin, buyerPassword);
    const [order] = (await call<{ items: StoreOrder[] }>(buyer, '/store/orders')).items;
    expect(order).toMatchObject({ status: 'placed' });

    // The partner collects it; the county's van takes it to the hub and a carrier delivers it.
    const parcel = await call<{ parcelId: string; trackingNumber: string }>(
      partner,
      `/orders/${order!.id}/collect`,
      {},
      201,
    );
    const { countyId } = await call<{ countyId: string }>(county, '/me');
    await call(
      county,
      '/vehicles',
      { countyId, name: '上行一号车', capacityKg: 1000, shiftMinutes: 480 },
      201,
    );
    const date = new Date().toISOString().slice(0, 10);
    const plan = await call<{ runs: Array<{ id: string; stops: Array<{ collectParcelIds: string[] }> }> }>(
      county,
      '/runs/plan',
      { countyId, date },
      201,
    );
    const run = plan.runs.find((r) => r.stops.some((s) => s.collectParcelIds.includes(parcel.parcelId)));
    expect(run).toBeDefined();
    await call(county, `/runs/${run!.id}/dispatch`, {}, 200);
    await call(partner, `/centers/${centerId}/scans`, {
      trackingNumber: parcel.trackingNumber,
      type: 'collected',
    });
    await call(county, '/hub/scans', { trackingNumber: parcel.trackingNumber, type: 'received' });
    await call(county, `/parcels/${parcel.parcelId}/handoff`, {
      carrier: '顺丰速运',
      carrierTrackingNumber: 'SF2026112601',
    });
    await call(county, `/parcels/${parcel.parcelId}/delivered`, {});

    // The buyer sees it delivered, with the tracking number to follow.
    await store.goto(`${env.server.baseUrl}/store/orders/${order!.id}`);
    const detail = store.getByTestId('my-order-detail');
    await visible(detail.getByText('已送达'));
    await visible(detail.getByTestId('tracking-link').getByText(parcel.trackingNumber));

    // A second jar, ordered and then cancelled before the partner collects it.
    await store.goto(`${env.server.baseUrl}/store/p/${order!.lines[0]!.productId}`);
    await store.getByTestId('add-to-cart').click();
    await store.getByTestId('cart-link').click();
    await store.getByLabel('收货人').fill('王女士');
    await store.getByLabel('手机号').fill('13912345678');
    await store.getByLabel('收货地址').fill('杭州市西湖区文三路 100 号');
    await store.getByTestId('place-order').click();
    await store.waitForURL(/\/store\/orders$/);
    await store.getByTestId('my-order').filter({ hasText: '待揽收' }).getByRole('link').click();
    await store.getByTestId('cancel-order').click();
    await store.getByRole('button', { name: '确定' }).click();
    await visible(store.getByTestId('my-order-detail').getByText('已取消'));
    await signOut(store, /\/store$/);

    // The seller's statement in the partner console shows the sale and the seller's share.
    const statement = await call<Statement>(partner, `/sellers/${sellerId}/statement`);
    expect(statement.items.map((i) => i.orderId)).toEqual([order!.id]);
    const page = await env.browser.context.newPage();
    await signIn(page, 'partner1', /\/partner$/);
    await page.getByRole('link', { name: '卖家', exact: true }).click();
    await page.getByTestId('seller-table').getByRole('link', { name: villagerName }).click();
    await page.getByTestId('statement-link').click();
    await page.waitForURL(/\/partner\/sellers\/[^/]+\/statement$/);
    const row = page.getByTestId('statement-items').locator('tr').filter({ hasText: '¥88.00' });
    await visible(row.getByText(yuan(statement.items[0]!.sellerShareFen)).first());
    await visible(page.getByTestId('statement-totals').getByText(yuan(statement.totals.balanceFen)).first());
    if (shots) await page.screenshot({ path: `${shots}/seller-statement.png`, fullPage: true });
    await signOut(page, /\/login$/);
  });
});
