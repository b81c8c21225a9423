import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiCall,
  apiLogin,
  DEMO_PASSWORD,
  runBrowserTests,
  useServerAndBrowser,
  visible,
} from './support.ts';

/** Picks an option of the antd Select labelled `label` by typing part of its text. */
async function choose(page: Page, scope: ReturnType<Page['locator']>, label: string, option: string) {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(option);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
  await visible(item.first());
  await item.first().click();
}

async function signIn(page: Page, base: string, login: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

const confirm = (page: Page) => page.locator('.ant-popover:visible').getByTestId('confirm-ok').click();

describe.runIf(runBrowserTests)('an application becomes a certified partner whose centre opens', () => {
  const env = useServerAndBrowser();

  it('applies on the public form, is approved, trained and certified, and opens the centre', async () => {
    const base = env.server.baseUrl;
    const page = await env.browser.context.newPage();
    const tag = Date.now().toString(36);
    const applicant = `申请人${tag}`;
    const phone = `139${String(Date.now() % 1e8).padStart(8, '0')}`;
    const courseTitle = `开业必修课${tag}`;

    // 1. A store owner applies on the public form, reached from the login page.
    await page.goto(`${base}/login`);
    await page.getByRole('link', { name: '想成为村淘合伙人？在线申请' }).click();
    await page.waitForURL(/\/apply$/);
    await choose(page, page.locator('body'), '所在县', '遂昌县');
    const form = page.getByTestId('application-form');
    await visible(form);
    await choose(page, form, '申请村', '三仁村');
    await form.getByLabel('姓名').fill(applicant);
    await form.getByLabel('手机号').fill(phone);
    await choose(page, form, '店铺位置', '村中心或集市旁');
    await form.getByLabel('店铺面积（平方米）').fill('50');
    await form.getByLabel('经营年限').fill('6');
    await form.getByLabel('学习能力强（面试评估）').check();
    await form.getByTestId('application-submit').click();
    // village centre 30 + 50 m² 15 + 6 years 20 + learns fast 20
    await visible(page.getByTestId('apply-done').getByText('初评得分 85 / 100'));

    // 2. HQ makes a course required for opening.
    await signIn(page, base, 'hq');
    await page.waitForURL(/\/hq$/);
    await page.getByRole('link', { name: '培训课程' }).click();
    const courseForm = page.getByTestId('course-form');
    await visible(courseForm);
    await courseForm.getByLabel('课程名称').fill(courseTitle);
    await courseForm.getByLabel('开业必修（合伙人须通过后服务站才能开业）').check();
    await courseForm.getByRole('button', { name: '创建课程' }).click();
    await visible(
      page
        .getByTestId('course-table')
        .locator('tr', { hasText: courseTitle })
        .getByText('开业必修', { exact: true }),
    );
    // The rubric that scored the application is HQ's to read and change.
    await page.getByRole('link', { name: '招募评分标准' }).click();
    await visible(page.getByTestId('rubric-store_owner').getByText('满分 100'));
    await visible(page.getByTestId('rubric-store_owner').getByText('usesMobilePayment'));
    await page.getByTestId('logout').click();

    // 3. The county interviews and approves: the partner account and the village centre.
    await signIn(page, base, 'county');
    await page.waitForURL(/\/county\/centers$/);
    await page.getByRole('tab', { name: '招募' }).click();
    const appRow = page.getByTestId('application-table').locator('tr', { hasText: applicant });
    await visible(appRow);
    await visible(appRow.getByText('网上申请'));
    await appRow.getByTestId('application-open').click();
    const detail = page.getByTestId('application-detail');
    await visible(detail);
    await detail.getByPlaceholder('面谈情况、印象、后续安排').fill('店在村口，人缘好，会用手机收款。');
    await detail.getByRole('button', { name: '添加记录' }).click();
    await visible(detail.getByRole('listitem').getByText('店在村口，人缘好，会用手机收款。'));
    await visible(detail.getByTestId('application-status').getByText('已面谈'));
    await detail.getByTestId('application-approve').click();
    await confirm(page);
    await visible(detail.getByTestId('approved-account'));
    expect(await detail.getByTestId('approved-login').textContent()).toBe(phone);
    const password = (await detail.getByTestId('approved-password').textContent()) ?? '';
    expect(password).toMatch(/^[A-Za-z2-9]{10}$/);
    await page.locator('.ant-drawer-close').click();

    // 4. Not certified yet: the centre refuses to open.
    await page.getByRole('tab', { name: '服务站' }).click();
    const centreRow = page.getByTestId('center-table').locator('tr', { hasText: '三仁村服务站' });
    await visible(centreRow.getByText(applicant));
    await visible(centreRow.getByText('未认证'));
    await centreRow.getByTestId('center-open').click();
    await confirm(page);
    await visible(page.getByText('合伙人尚未通过全部开业必修课程，暂不能开业'));
    await visible(centreRow.getByText('筹建中'));

    // 5. A training session; the partner attends and passes.
    await page.getByRole('tab', { name: '培训认证' }).click();
    const sessionForm = page.getByTestId('session-form');
    await visible(sessionForm);
    await choose(page, sessionForm, '课程', courseTitle);
    await sessionForm.getByLabel('开始时间').fill('2026-12-01T09:30');
    await sessionForm.getByLabel('讲师').fill('县运营中心 李伟');
    await sessionForm.getByLabel('地点').fill('县运营中心三楼培训室');
    await sessionForm.getByTestId('session-submit').click();
    const sessionRow = page.getByTestId('session-table').locator('tr', { hasText: courseTitle });
    await visible(sessionRow);
    await sessionRow.locator('.ant-table-row-expand-icon').click();
    const attendance = page.getByTestId('attendance-form');
    await visible(attendance);
    await choose(page, attendance, '合伙人', applicant);
    await attendance.getByLabel('考试通过').check();
    await attendance.getByLabel('成绩').fill('90');
    await attendance.getByTestId('attendance-submit').click();
    await visible(page.getByText('已记录，证书已颁发'));
    const boardRow = page.getByTestId('certification-table').locator('tr', { hasText: applicant });
    await visible(boardRow.getByText('已认证'));
    await visible(boardRow.getByText(courseTitle));

    // 6. Certified: the centre opens.
    await page.getByRole('tab', { name: '服务站' }).click();
    await visible(centreRow.getByText('已认证'));
    await centreRow.getByTestId('center-open').click();
    await confirm(page);
    await visible(centreRow.getByText('营业中'));

    // The centre's onboarding checklist shows what is still missing; a PC is handed over.
    await centreRow.getByTestId('open-onboarding').click();
    const onboarding = page.getByTestId('center-onboarding');
    await visible(onboarding.getByTestId('onboarding-training').getByText('已完成'));
    await visible(onboarding.getByTestId('onboarding-hardware').getByText('电视大屏'));
    const assetForm = onboarding.getByTestId('asset-form');
    await choose(page, assetForm, '设备', '电脑');
    await assetForm.getByLabel('序列号').fill(`PC-${tag}`);
    await assetForm.getByRole('button', { name: '登记设备' }).click();
    await visible(onboarding.getByTestId('asset-table').getByText(`PC-${tag}`));
    await expect
      .poll(() => onboarding.getByTestId('onboarding-hardware').textContent())
      .toContain('（电视大屏、打印机、扫码枪）');

    // The server agrees, and the new partner signs in with the password handed over.
    const partnerToken = await apiLogin(base, phone, password);
    const me = await apiCall<{ id: string; centerId: string }>(base, partnerToken, '/me');
    const profile = await apiCall<{ certified: boolean; centerId: string; centerStatus: string }>(
      base,
      partnerToken,
      `/partners/${me.id}`,
    );
    expect(profile).toMatchObject({ certified: true, centerId: me.centerId, centerStatus: 'open' });
  });
});
