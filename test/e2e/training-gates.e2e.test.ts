import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, DEMO_PASSWORD, runBrowserTests, useServerAndBrowser, visible } from './support.ts';

async function signIn(page: Page, base: string, login: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

type Product = { id: string; merchantId: string; stock: number; status: string };

describe.runIf(runBrowserTests)('a course that unlocks counter returns', () => {
  const env = useServerAndBrowser();

  it('locks the return action until HQ lifts the gate, naming the course to take', async () => {
    const base = env.server.baseUrl;
    const { call } = env;
    const tag = Date.now().toString(36).toUpperCase();
    const courseTitle = `退货规范${tag}`;

    // An order of partner1's on its way (so the console offers a return), through the API.
    const partner = await apiLogin(base, 'partner1', DEMO_PASSWORD);
    const merchant = await apiLogin(base, 'merchant', DEMO_PASSWORD);
    const { merchantId } = await call<{ merchantId: string }>(merchant, '/me');
    const products = await call<{ items: Product[] }>(partner, '/products?limit=100');
    const product = products.items.find((p) => p.merchantId === merchantId && p.stock > 0)!;
    const villager = await call<{ id: string }>(
      partner,
      '/villagers',
      { name: '退货测试', phone: `135${String(Date.now()).slice(-8)}` },
      201,
    );
    const order = await call<{ id: string }>(
      partner,
      '/orders',
      { villagerId: villager.id, lines: [{ productId: product.id, quantity: 1 }], payment: 'float' },
      201,
    );
    await call(merchant, `/orders/${order.id}/shipments`, {}, 201);

    // HQ creates a course that unlocks returns, in the courses page.
    const page = await env.browser.context.newPage();
    await signIn(page, base, 'hq');
    await page.waitForURL(/\/hq$/);
    await page.getByRole('link', { name: '培训课程' }).click();
    const courseForm = page.getByTestId('course-form');
    await visible(courseForm);
    await courseForm.getByLabel('课程名称').fill(courseTitle);
    await courseForm.getByLabel('柜台退货').check();
    await courseForm.getByRole('button', { name: '创建课程' }).click();
    const courseRow = page.getByTestId('course-table').locator('tr', { hasText: courseTitle });
    await visible(courseRow.getByTestId('course-unlocks-select').getByText('柜台退货'));
    await page.getByTestId('logout').click();

    // The partner sees the return action switched off and the course to take.
    await signIn(page, base, 'partner1');
    await page.waitForURL(/\/partner$/);
    await page.goto(`${base}/partner/orders/${order.id}`);
    await visible(page.getByTestId('feature-locked').getByText(`「${courseTitle}」`, { exact: false }));
    expect(await page.getByTestId('return-order').isDisabled()).toBe(true);
    await page.getByTestId('logout').click();

    // HQ takes returns off the course; the partner may take returns again.
    await signIn(page, base, 'hq');
    await page.waitForURL(/\/hq$/);
    await page.getByRole('link', { name: '培训课程' }).click();
    const select = page
      .getByTestId('course-table')
      .locator('tr', { hasText: courseTitle })
      .getByTestId('course-unlocks-select');
    await visible(select.getByText('柜台退货'));
    await select.locator('.ant-select-selection-item-remove').click();
    await visible(page.getByText('已保存解锁业务'));
    await page.getByTestId('logout').click();

    await signIn(page, base, 'partner1');
    await page.waitForURL(/\/partner$/);
    await page.goto(`${base}/partner/orders/${order.id}`);
    await visible(page.getByTestId('return-order'));
    expect(await page.getByTestId('return-order').isDisabled()).toBe(false);
    expect(await page.getByTestId('feature-locked').count()).toBe(0);
    await page.close();
  }, 120_000);
});
