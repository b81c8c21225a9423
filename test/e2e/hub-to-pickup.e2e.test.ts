import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiLogin,
  DEMO_PASSWORD,
  runBrowserTests,
  screenshotDir,
  useServerAndBrowser,
  visible,
} from './support.ts';

const PASSWORD = DEMO_PASSWORD;

const shots = screenshotDir;

type Product = { id: string; title: string; stock: number };
type Order = { id: string; status: string };

describe.runIf(runBrowserTests)('a parcel from the county hub to the villager', () => {
  const env = useServerAndBrowser();

  const { call } = env;
  const login = (name: string) => apiLogin(env.server.baseUrl, name, PASSWORD);

  /** Signs the page in through the login form, as a person would. */
  async function signIn(page: Page, name: string, landing: RegExp) {
    await page.goto(`${env.server.baseUrl}/login`);
    await page.getByLabel('账号').fill(name);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(landing);
  }

  /** The order the first test completes, which the second brings back. */
  let completed: { orderId: string; productId: string } | undefined;

  it('is scanned at the hub, carried by a planned van and handed over against the SMS code', async () => {
    // partner1 orders a demo product for a new villager, paid from the float the demo gave it.
    const partner = await login('partner1');
    const { centerId } = await call<{ centerId: string }>(partner, '/me');
    const products = await call<{ items: Product[] }>(partner, '/products?limit=20');
    const product = products.items.find((p) => p.stock > 0);
    expect(product).toBeDefined();
    const phone = `137${String(Date.now()).slice(-8)}`;
    const villager = await call<{ id: string }>(partner, '/villagers', { name: '扫描测试村民', phone }, 201);
    const order = await call<Order>(
      partner,
      '/orders',
      { villagerId: villager.id, lines: [{ productId: product!.id, quantity: 1 }], payment: 'float' },
      201,
    );

    // The merchant ships it and the county has a van to carry it.
    const merchant = await login('merchant');
    const { trackingNumber } = await call<{ trackingNumber: string }>(
      merchant,
      `/orders/${order.id}/shipments`,
      {},
      201,
    );
    const county = await login('county');
    const { countyId } = await call<{ countyId: string }>(county, '/me');
    await call(county, '/vehicles', { countyId, name: '一号车', capacityKg: 1000, shiftMinutes: 480 }, 201);
    const centre = await call<{ name: string }>(county, `/centers/${centerId}`);

    // The sorter scans the parcel as a keyboard-wedge scanner would: the number, then Enter.
    const hub = await env.browser.context.newPage();
    await signIn(hub, 'county', /\/county\/centers$/);
    await hub.getByRole('tab', { name: '扫描台' }).click();
    await hub.waitForURL(/\/county\/scan$/);
    const scanInput = hub.getByTestId('scan-input');
    await visible(scanInput);
    await scanInput.pressSequentially(trackingNumber);
    await scanInput.press('Enter');
    await visible(hub.getByTestId('scan-destination').getByText(centre.name));
    await visible(hub.getByTestId('scan-run').getByText('待排线'));
    await visible(hub.getByTestId('scan-count').getByText('已扫 1 件'));
    // The field is empty and focused again for the next parcel.
    expect(await scanInput.inputValue()).toBe('');
    expect(await scanInput.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    if (shots) await hub.screenshot({ path: `${shots}/scan-station.png`, fullPage: true });

    // Today's plan puts the centre on a run, which is then sent off.
    await hub.getByRole('tab', { name: '车辆与排线' }).click();
    await hub.waitForURL(/\/county\/runs$/);
    await hub.getByTestId('plan-runs').click();
    const run = hub.getByTestId('run-card').filter({ hasText: centre.name });
    await visible(run.getByTestId('run-stop').filter({ hasText: centre.name }));
    await run.getByRole('link', { name: '打印路单' }).click();
    await hub.waitForURL(/\/county\/runs\/[^/]+\/sheet$/);
    await visible(hub.getByTestId('sheet-stop').filter({ hasText: centre.name }));
    await visible(hub.getByTestId('barcode').first());
    if (shots) await hub.screenshot({ path: `${shots}/run-sheet.png`, fullPage: true });
    await hub.goBack();
    await run.getByTestId('dispatch-run').click();
    await visible(run.getByText('已发车'));
    expect((await call<Order>(partner, `/orders/${order.id}`)).status).toBe('in_transit');
    // The browser profile is shared: signing out lets partner1 sign in next.
    await hub.getByTestId('logout').click();
    await hub.waitForURL(/\/login$/);
    await hub.close();

    // At the village centre the partner scans the parcel off the van.
    const page = await env.browser.context.newPage();
    await signIn(page, 'partner1', /\/partner$/);
    await page.getByRole('link', { name: '到件扫描' }).click();
    const arrival = page.getByTestId('scan-input');
    await visible(arrival);
    await arrival.pressSequentially(trackingNumber);
    await arrival.press('Enter');
    await visible(page.getByTestId('arrival-ok'));

    // The villager's SMS, read from the outbox as the county may; the worker sends within a second.
    let code: string | undefined;
    for (let i = 0; i < 40 && !code; i++) {
      const sms = await call<{ items: Array<{ body: string }> }>(
        county,
        `/notifications?phone=${encodeURIComponent(phone)}`,
      );
      code = sms.items.map((m) => /取件码\s*(\d{6})/.exec(m.body)?.[1]).find(Boolean);
      if (!code) await new Promise((r) => setTimeout(r, 250));
    }
    expect(code).toMatch(/^\d{6}$/);

    // The partner types the code the villager reads out; the order is then complete.
    await page.getByRole('link', { name: '取件', exact: true }).click();
    const row = page.getByTestId('pickup-row').filter({ hasText: trackingNumber });
    await visible(row);
    await row.getByLabel('取件码').fill(code!);
    await row.getByTestId('pickup-submit').click();
    await visible(page.getByTestId('pickup-success'));
    expect((await call<Order>(partner, `/orders/${order.id}`)).status).toBe('completed');
    completed = { orderId: order.id, productId: product!.id };
    // Signed out, the shared profile is free for the next sign-in.
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    await page.close();
  });

  it('goes back: a counter return rides the next van to the hub and leaves with a carrier', async () => {
    expect(completed).toBeDefined();
    const partner = await login('partner1');
    const county = await login('county');
    const { centerId } = await call<{ centerId: string }>(partner, '/me');
    const { countyId } = await call<{ countyId: string }>(county, '/me');
    await call(
      partner,
      `/orders/${completed!.orderId}/returns`,
      { lines: [{ productId: completed!.productId, quantity: 1 }], reason: '质量问题' },
      201,
    );
    // The return parcel appears at the centre once the outbox has delivered the request.
    let tracking: string | undefined;
    for (let i = 0; i < 40 && !tracking; i++) {
      const list = await call<{ items: Array<{ trackingNumber: string; orderId: string }> }>(
        partner,
        `/parcels?direction=outbound&status=awaiting_collection&centerId=${centerId}`,
      );
      tracking = list.items.find((p) => p.orderId === completed!.orderId)?.trackingNumber;
      if (!tracking) await new Promise((r) => setTimeout(r, 250));
    }
    expect(tracking).toBeDefined();
    const date = new Date().toISOString().slice(0, 10);
    const plan = await call<{ runs: Array<{ id: string; stops: Array<{ collectParcelIds: string[] }> }> }>(
      county,
      '/runs/plan',
      { countyId, date },
      201,
    );
    const run = plan.runs.find((r) => r.stops.some((s) => s.collectParcelIds.length > 0));
    expect(run).toBeDefined();
    await call(county, `/runs/${run!.id}/dispatch`, {}, 200);

    // The driver is at the centre: the partner hands the parcel over with a scan.
    const page = await env.browser.context.newPage();
    await signIn(page, 'partner1', /\/partner$/);
    await page.getByRole('link', { name: '到件扫描' }).click();
    await visible(page.getByTestId('to-collect').getByText(tracking!));
    await page.getByText('交给司机', { exact: true }).click();
    const input = page.getByTestId('scan-input');
    await input.pressSequentially(tracking!);
    await input.press('Enter');
    await visible(page.getByTestId('arrival-ok').getByText('已交给司机'));
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    await page.close();

    // Back at the hub the scan station sorts it to the carrier hand-off, not to a van.
    const hub = await env.browser.context.newPage();
    await signIn(hub, 'county', /\/county\/centers$/);
    await hub.getByRole('tab', { name: '扫描台' }).click();
    const scanInput = hub.getByTestId('scan-input');
    await visible(scanInput);
    await scanInput.pressSequentially(tracking!);
    await scanInput.press('Enter');
    await visible(hub.getByTestId('scan-destination').getByText('回程件 · 交承运商'));

    await hub.getByRole('tab', { name: '包裹' }).click();
    const row = hub.getByTestId('parcel-table').locator('tr').filter({ hasText: tracking! });
    await row.getByRole('button', { name: '交承运商' }).click();
    await hub.getByLabel('承运商', { exact: true }).fill('中通快递');
    await hub.getByLabel('承运商运单号').fill('ZTO2026112601');
    await hub.getByRole('dialog').getByRole('button', { name: '交承运商' }).click();
    await visible(row.getByText('已交承运商'));
    if (shots) await hub.screenshot({ path: `${shots}/outbound-handoff.png`, fullPage: true });
    await hub.getByTestId('logout').click();
    await hub.close();
  });
});
