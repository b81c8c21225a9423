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

async function signIn(page: Page, base: string, login: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

describe.runIf(runBrowserTests)('a county marketing campaign', () => {
  const env = useServerAndBrowser();

  it('county staff bundle a promotion for every centre; partners see it; results show the order; the bureau reads them', async () => {
    const base = env.server.baseUrl;
    const tag = Date.now().toString(36);
    const promotionName = `化肥九折${tag}`;
    const campaignName = `春耕农资节${tag}`;

    const county = await apiLogin(base, 'county', DEMO_PASSWORD);
    await env.call(
      county,
      '/promotions',
      {
        name: promotionName,
        type: 'percent',
        value: 10,
        categories: ['化肥'],
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
      201,
    );

    const page = await env.browser.context.newPage();
    await signIn(page, base, 'county');
    await page.waitForURL(/\/county\/centers$/);
    await page.getByRole('tab', { name: '营销活动' }).click();
    const form = page.getByTestId('campaign-form');
    await visible(form);
    await form.getByLabel('活动名称').fill(campaignName);
    await form.getByLabel('活动说明（合伙人可见）').fill('化肥九折，到站即享');
    const box = form.getByRole('combobox', { name: '包含的促销' });
    await box.click();
    await box.fill(promotionName);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
      hasText: promotionName,
    });
    await visible(option.first());
    await option.first().click();
    await form.getByLabel('活动名称').click();
    await form.getByTestId('campaign-submit').click();
    const row = page.getByTestId('campaign-table').locator('tr', { hasText: campaignName });
    await visible(row.getByText('进行中'));
    await visible(row.getByText('全部服务站'));

    // A partner of the county orders discounted fertiliser for a villager.
    const partner = await apiLogin(base, 'partner1', DEMO_PASSWORD);
    const villager = await env.call<{ id: string }>(
      partner,
      '/villagers',
      { name: '李春耕', phone: `137${String(Date.now()).slice(-8)}` },
      201,
    );
    const products = await env.call<{ items: Array<{ id: string; category: string }> }>(
      partner,
      '/products?category=%E5%8C%96%E8%82%A5',
    );
    await env.call(
      partner,
      '/orders',
      {
        villagerId: villager.id,
        lines: [{ productId: products.items[0]!.id, quantity: 1 }],
        payment: 'float',
      },
      201,
    );

    await row.getByTestId('campaign-results-button').click();
    const results = page.getByTestId('campaign-results');
    await visible(results);
    await visible(page.getByTestId('campaign-centers').locator('tr', { hasText: '大柘村' }));
    await visible(page.getByTestId('campaign-chart').locator('canvas'));
    if (screenshotDir)
      await page.screenshot({ path: `${screenshotDir}/campaign-results.png`, fullPage: true });
    await page.getByTestId('logout').click();

    await signIn(page, base, 'partner1');
    await page.waitForURL(/\/partner$/);
    const card = page.getByTestId('partner-campaigns');
    await visible(card.getByText(campaignName));
    await visible(card.getByText('化肥九折，到站即享'));
    if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/partner-campaigns.png` });
    await page.getByTestId('logout').click();

    // The county's commerce bureau reads it too, without a cancel button.
    await signIn(page, base, 'gov');
    const govRow = page.getByTestId('campaign-table').locator('tr', { hasText: campaignName });
    await visible(govRow);
    expect(await govRow.getByRole('button', { name: '取消活动' }).count()).toBe(0);
    await govRow.getByTestId('campaign-results-button').click();
    await visible(page.getByTestId('campaign-centers').locator('tr', { hasText: '大柘村' }));
  });
});
