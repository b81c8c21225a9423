import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, runBrowserTests, screenshotDir, useServerAndBrowser, visible } from './support.ts';

async function signIn(page: Page, base: string, login: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Picks an option of the antd Select labelled `label` by typing part of its text. */
async function choose(page: Page, scope: ReturnType<Page['locator']>, label: string, option: string) {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(option);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
  await visible(item.first());
  await item.first().click();
}

describe.runIf(runBrowserTests)('county staff visit a centre and follow up', () => {
  const env = useServerAndBrowser();

  it('logs a visit with a follow-up, marks it done, and the leaderboard shows the last visit', async () => {
    const base = env.server.baseUrl;
    const page = await env.browser.context.newPage();
    const task = `补发宣传海报 ${Date.now().toString(36)}`;

    await signIn(page, base, 'county');
    await page.waitForURL(/\/county\/centers$/);
    await page.getByRole('tab', { name: '走访记录' }).click();
    const form = page.getByTestId('visit-form');
    await visible(form);
    await choose(page, form, '服务站', '大柘村服务站');
    await form.getByTestId('visit-notes').fill('站点整洁，合伙人反映海报褪色。');
    await form.getByTestId('add-follow-up').click();
    await form.getByPlaceholder('待办事项').fill(task);
    await form.getByTestId('visit-submit').click();

    const followUp = page.getByTestId('follow-up-table').locator('tr', { hasText: task });
    await visible(followUp);
    await visible(page.getByTestId('visit-table').locator('tr', { hasText: '大柘村服务站' }).first());
    await followUp.getByTestId('follow-up-done').click();
    await followUp.waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByTestId('follow-up-status').getByText('已完成').click();
    await visible(page.getByTestId('follow-up-table').locator('tr', { hasText: task }));
    if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/field-visits.png`, fullPage: true });

    await page.getByRole('tab', { name: '业绩' }).click();
    const row = page.getByTestId('leaderboard').locator('tr', { hasText: '大柘村服务站' });
    await visible(row);
    expect(await row.getByTestId('last-visit').textContent()).not.toContain('从未走访');
    await page.getByTestId('logout').click();

    // The government sees the same league table, read-only and without partners' earnings.
    await signIn(page, base, 'gov');
    const board = page.getByTestId('leaderboard');
    await visible(board.locator('tr', { hasText: '大柘村服务站' }));
    expect(await board.textContent()).not.toContain('合伙人收益');
    expect(await board.getByTestId('log-visit').count()).toBe(0);
    if (screenshotDir)
      await page.screenshot({ path: `${screenshotDir}/gov-leaderboard.png`, fullPage: true });
    await page.getByTestId('logout').click();

    // The partner sees whether its centre's TV link is live.
    await signIn(page, base, 'partner1');
    await page.waitForURL(/\/partner$/);
    await page.goto(`${base}/partner/center`);
    const card = page.getByTestId('screen-token');
    await visible(card.getByTestId('screen-status').getByText('未启用大屏链接'));
    await card.getByTestId('screen-create').click();
    await page.getByRole('button', { name: '确定' }).click();
    await visible(card.getByTestId('screen-status').getByText('使用中'));
  });
});
