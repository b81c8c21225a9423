import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { DEMO_PASSWORD, runBrowserTests, useServerAndBrowser, visible } from './support.ts';

async function signIn(page: Page, base: string, login: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

describe.runIf(runBrowserTests)('technical support between a partner and its county centre', () => {
  const env = useServerAndBrowser();

  it('a partner raises a ticket; the county replies and resolves it', async () => {
    const base = env.server.baseUrl;
    const page = await env.browser.context.newPage();
    const subject = `打印机卡纸 ${Date.now().toString(36)}`;

    await signIn(page, base, 'partner1');
    await page.waitForURL(/\/partner$/);
    await page.getByRole('link', { name: '技术支持' }).click();
    const form = page.getByTestId('ticket-form');
    await visible(form);
    await form.getByLabel('标题').fill(subject);
    await form.getByLabel('问题描述').fill('打印小票时总是卡纸。');
    await form.getByRole('button', { name: '提交' }).click();
    const mine = page.getByTestId('ticket-table').locator('tr', { hasText: subject });
    await visible(mine.getByText('待处理'));
    await page.getByTestId('logout').click();

    await signIn(page, base, 'county');
    await page.waitForURL(/\/county\/centers$/);
    await page.getByRole('tab', { name: '技术支持' }).click();
    const row = page.getByTestId('ticket-table').locator('tr', { hasText: subject });
    await visible(row.getByText('大柘村服务站'));
    await row.getByRole('button', { name: '查看' }).click();
    const conversation = page.getByTestId('ticket-conversation');
    await visible(conversation.getByText('打印小票时总是卡纸。'));
    await conversation.getByPlaceholder('回复内容').fill('请先清理进纸口，我们明天带新纸卷上门。');
    await conversation.getByRole('button', { name: '回复' }).click();
    await visible(conversation.getByTestId('ticket-status').getByText('处理中'));
    await conversation.getByRole('button', { name: '由我处理' }).click();
    await conversation.getByLabel('处理结果').fill('已上门清理打印机并更换纸卷。');
    await conversation.getByRole('button', { name: '标记已解决' }).click();
    await visible(conversation.getByTestId('ticket-status').getByText('已解决'));
    await visible(page.getByTestId('support-stats').getByText('已解决'));
  });
});
