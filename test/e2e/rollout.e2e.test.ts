import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, runBrowserTests, useServerAndBrowser, visible } from './support.ts';

async function signIn(page: Page, base: string, login: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

describe.runIf(runBrowserTests)('HQ follows the national rollout', () => {
  const env = useServerAndBrowser();

  it('HQ sees progress against the targets, changes them, and opens a county on the map', async () => {
    const base = env.server.baseUrl;
    const page = await env.browser.context.newPage();
    await signIn(page, base, 'hq');
    await page.waitForURL(/\/hq$/);
    await page.getByRole('link', { name: '推广进度' }).click();

    const totals = page.getByTestId('rollout-totals');
    await visible(totals.getByText('/ 1000', { exact: true }));
    await visible(totals.getByText('/ 100000', { exact: true }));
    for (const chart of [
      'rollout-progress-chart',
      'rollout-funnel-chart',
      'rollout-gmv-chart',
      'rollout-map',
    ]) {
      await visible(page.getByTestId(chart).locator('canvas'));
    }

    const form = page.getByTestId('targets-form');
    await form.getByLabel('目标县域数').fill('300');
    await form.getByLabel('目标村级服务站数').fill('14000');
    await form.getByLabel('目标日期').fill('2027-02-28');
    await form.getByRole('button', { name: '保存目标' }).click();
    await visible(page.getByText('已保存推广目标'));
    await visible(totals.getByText('/ 14000', { exact: true }));
    await visible(totals.getByText('目标日期：2027-02-28'));

    await page.getByLabel('选择县域').fill('遂昌');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '浙江省 · 遂昌县' })
      .click();
    const county = page.getByTestId('rollout-county');
    await visible(county.getByText('浙江省 · 遂昌县 的服务站'));
    await visible(county.getByTestId('rollout-county-map').locator('canvas'));
    expect(await county.locator('tbody tr').count()).toBeGreaterThan(0);
  });
});
