import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, runBrowserTests, useServerAndBrowser, visible } from './support.ts';

const PASSWORD = DEMO_PASSWORD;

/** Picks an option of the antd Select labelled `label` by typing part of its text. */
async function choose(page: Page, scope: ReturnType<Page['locator']>, label: string, option: string) {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(option);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
  await visible(item.first());
  await item.first().click();
}

describe.runIf(runBrowserTests)('centre lifecycle through the county console', () => {
  const env = useServerAndBrowser();

  it('plans a centre in a new village, gives it a partner and opens it', async () => {
    const base = env.server.baseUrl;
    const page = await env.browser.context.newPage();
    const tag = Date.now().toString(36);
    const villageName = `测试村${tag}`;
    const centerName = `${villageName}服务站`;
    const partnerName = `合伙人${tag}`;

    // Signing in, in Chinese by default.
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login$/);
    const loginButton = page.getByRole('button', { name: '登录' });
    await visible(loginButton);
    await page.getByLabel('账号').fill('county');
    await page.getByLabel('密码').fill(PASSWORD);
    await loginButton.click();
    await page.waitForURL(/\/county\/centers$/);
    await visible(page.getByRole('tab', { name: '服务站' }));
    await visible(page.getByText('服务站列表'));

    // Every demo village already has a centre, so the new centre goes into a new village.
    await page.getByRole('tab', { name: '村庄' }).click();
    const villageForm = page.getByTestId('village-form');
    await visible(villageForm);
    await villageForm.getByLabel('村名').fill(villageName);
    await villageForm.getByLabel('纬度').fill('28.512');
    await villageForm.getByLabel('经度').fill('119.301');
    await villageForm.getByLabel('人口').fill('860');
    await villageForm.getByRole('button', { name: '添加村庄' }).click();
    await visible(page.getByTestId('village-table').locator('tr', { hasText: villageName }));

    await page.getByRole('tab', { name: '服务站' }).click();
    const centerForm = page.getByTestId('center-form');
    await visible(centerForm);
    await choose(page, centerForm, '所在村', villageName);
    await centerForm.getByLabel('服务站名称').fill(centerName);
    await centerForm.getByLabel('地址').fill(`${villageName}村委会一楼`);
    await centerForm.getByRole('button', { name: '创建服务站' }).click();
    const row = page.getByTestId('center-table').locator('tr', { hasText: centerName });
    await visible(row);
    await visible(row.getByText('筹建中'));

    // A new partner account, then assigned to the centre.
    const partnerForm = page.getByTestId('partner-form');
    await partnerForm.getByLabel('姓名').fill(partnerName);
    await partnerForm.getByLabel('登录账号').fill(`p${tag}`);
    await partnerForm.getByLabel('初始密码').fill('village-pass-2026');
    await partnerForm.getByRole('button', { name: '创建合伙人' }).click();
    await visible(page.getByText(`已创建合伙人「${partnerName}」`));

    await row.getByTestId('assign-partner').click();
    const dialog = page.getByRole('dialog');
    await visible(dialog);
    await choose(page, dialog, '未分配服务站的合伙人', partnerName);
    await dialog.getByTestId('assign-partner-ok').click();
    await visible(row.getByText(partnerName));

    await row.getByTestId('center-open').click();
    await page.locator('.ant-popover:visible').getByTestId('confirm-ok').click();
    await visible(row.getByText('营业中'));

    // The server agrees, not just the table.
    // A string, because this file is type-checked without the DOM library.
    const token = (await page.evaluate("localStorage.getItem('cuntong.token')")) as string;
    const auth = { authorization: `Bearer ${token}` };
    const me = (await (await fetch(`${base}/api/v1/me`, { headers: auth })).json()) as { countyId: string };
    const list = await fetch(`${base}/api/v1/centers?countyId=${me.countyId}&limit=500`, { headers: auth });
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as {
      items: Array<{ id: string; name: string; status: string; partnerUserId: string | null }>;
    };
    const centre = items.find((c) => c.name === centerName);
    expect(centre?.status).toBe('open');
    expect(centre?.partnerUserId).toBeTruthy();

    // The public registry page needs no session; it is the one the centre's QR code opens.
    const publicPage = await env.browser.context.newPage();
    await publicPage.goto(`${base}/verify/${centre!.id}`);
    await visible(publicPage.getByText('官方认证服务站'));
    await visible(publicPage.getByText(centerName).first());
    await publicPage.close();
  });
});
