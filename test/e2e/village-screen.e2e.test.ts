import { describe, expect, it } from 'vitest';
import {
  apiLogin,
  DEMO_PASSWORD,
  runBrowserTests,
  screenshotDir,
  useServerAndBrowser,
  visible,
} from './support.ts';

type Run = { id: string; stops: Array<{ parcelIds: string[] }> };

describe.runIf(runBrowserTests)('the village screen on the centre’s TV', () => {
  const env = useServerAndBrowser();
  const { call } = env;
  const login = (name: string) => apiLogin(env.server.baseUrl, name, DEMO_PASSWORD);

  it('shows a parcel ready for pickup with a masked name; a new link switches the old one off', async () => {
    // A villager of partner1's centre gets a parcel from an outside carrier, carried to the centre.
    const partner = await login('partner1');
    const { centerId } = await call<{ centerId: string }>(partner, '/me');
    const phone = `137${String(Date.now()).slice(-8)}`;
    await call(partner, '/villagers', { name: '屏幕测试村民', phone }, 201);
    const county = await login('county');
    const { countyId } = await call<{ countyId: string }>(county, '/me');
    const trackingNumber = `YT${Date.now()}`;
    const parcel = await call<{ id: string }>(
      county,
      '/parcels',
      { trackingNumber, carrier: '圆通速递', recipientPhone: phone, centerId },
      201,
    );
    await call(county, '/hub/scans', { trackingNumber, type: 'received' });
    await call(county, '/vehicles', { countyId, name: '大屏车', capacityKg: 1000, shiftMinutes: 480 }, 201);
    const date = new Date().toISOString().slice(0, 10);
    const { runs } = await call<{ runs: Run[] }>(county, '/runs/plan', { countyId, date }, 201);
    const run = runs.find((r) => r.stops.some((s) => s.parcelIds.includes(parcel.id)));
    expect(run).toBeDefined();
    await call(county, `/runs/${run!.id}/dispatch`, {});
    await call(partner, `/centers/${centerId}/scans`, { trackingNumber, type: 'arrived' });

    // The partner makes the screen link on its centre page.
    const page = await env.browser.context.newPage();
    await page.goto(`${env.server.baseUrl}/login`);
    await page.getByLabel('账号').fill('partner1');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/partner$/);
    await page.goto(`${env.server.baseUrl}/partner/center`);
    const card = page.getByTestId('screen-token');
    await visible(card);
    await card.getByTestId('screen-create').click();
    await page.getByRole('button', { name: '确定' }).click();
    const link = card.getByTestId('screen-url');
    await visible(link);
    const url = (await link.textContent())!;
    expect(url).toMatch(/\/screen\/[A-Za-z0-9_-]{43}$/);

    // The TV: no login, the parcel under the villager's masked name, never the full one.
    const tv = await env.browser.context.newPage();
    await tv.goto(url);
    const parcels = tv.getByTestId('screen-parcels');
    await visible(parcels.getByText('屏*'));
    await visible(parcels.getByText(`单号尾号 ${trackingNumber.slice(-4)}`));
    expect(await tv.getByTestId('screen-page').textContent()).not.toContain('屏幕测试村民');
    await visible(tv.getByTestId('screen-clock'));
    if (screenshotDir) await tv.screenshot({ path: `${screenshotDir}/village-screen.png` });

    // A new link switches the TV's old one off.
    await card.getByTestId('screen-create').click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect.poll(async () => link.textContent()).not.toBe(url);
    await tv.reload();
    await visible(tv.getByText('大屏链接无效或已停用，请联系服务站合伙人'));
  });
});
