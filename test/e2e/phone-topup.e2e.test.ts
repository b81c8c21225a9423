import { describe, expect, it } from 'vitest';
import { formatFen } from '../../web/src/ui/money.ts';
import {
  apiLogin,
  DEMO_PASSWORD,
  runBrowserTests,
  screenshotDir,
  useServerAndBrowser,
  visible,
} from './support.ts';

type ServiceRequest = { id: string; status: string; amountFen: number; feeFen: number; receiptNo: string };

describe.runIf(runBrowserTests)('phone top-up at the village centre', () => {
  const env = useServerAndBrowser();

  const { call } = env;

  it('tops up a villager’s phone, shows declines and results without a reload, and prints the receipt', async () => {
    const base = env.server.baseUrl;
    const partner = await apiLogin(base, 'partner1', DEMO_PASSWORD);
    const { centerId } = await call<{ centerId: string }>(partner, '/me');
    const county = await apiLogin(base, 'county', DEMO_PASSWORD);
    await call(
      county,
      `/centers/${centerId}/float/deposits`,
      { amountFen: 100_000, reference: '话费备用金' },
      201,
    );
    const floatBefore = (await call<{ balanceFen: number }>(partner, `/centers/${centerId}/float`))
      .balanceFen;
    const phone = `135${String(Date.now()).slice(-8)}`;
    const name = `充值村民${phone.slice(-4)}`;
    await call(partner, '/villagers', { name, phone }, 201);

    const page = await env.browser.context.newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('账号').fill('partner1');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/partner$/);
    await page.getByRole('link', { name: '便民服务' }).click();
    await page.waitForURL(/\/partner\/services$/);
    // The page loads lazily; until it shows, the order screen (with its own picker) is still up.
    const form = page.getByTestId('topup-form');
    await visible(form);

    // The villager, found by the end of the number; the top-up goes to their own phone.
    await page.getByLabel('查找村民').fill(phone.slice(-4));
    const results = page.getByTestId('villager-results');
    await visible(results.getByText(name));
    await results.getByRole('listitem').filter({ hasText: name }).getByRole('button').click();
    await visible(page.getByTestId('picked-villager').getByText(name));
    const number = form.getByLabel('充值号码');
    await expect.poll(() => number.inputValue()).toBe(phone);
    const result = page.getByTestId('service-result');
    const status = (s: string) => result.locator(`[data-testid="service-status"][data-status="${s}"]`);

    // First a number the sandbox declines, like a test card: the request fails and is refunded.
    await number.fill('13800000000');
    await visible(form.getByTestId('carrier').getByText('中国移动'));
    await form.getByText('¥10.00').click();
    await visible(page.getByTestId('service-price').getByText('¥10.00'));
    await page.getByTestId('submit-service').click();
    await visible(result.getByText('13800000000'));
    await visible(status('failed'));
    await visible(result.getByText('请退还村民 ¥10.10'));
    await visible(page.getByTestId('float-balance').getByText(formatFen(floatBefore)));

    // Then the villager's own number.
    await number.fill(phone);
    await visible(form.getByTestId('carrier').getByText('中国移动'));
    await form.getByText('¥50.00').click();
    await visible(page.getByTestId('service-price').getByText('服务费 ¥0.50'));

    await page.getByTestId('submit-service').click();
    // The sandbox answers after commit; the status turns final in place.
    await visible(status('succeeded'));
    await visible(result.getByTestId('service-total').getByText('¥50.50'));
    await visible(page.getByTestId('float-balance').getByText(formatFen(floatBefore - 5_000)));
    if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/services.png`, fullPage: true });

    await result.getByTestId('open-service-receipt').click();
    await page.waitForURL(/\/partner\/services\/[^/]+\/receipt$/);
    const receipt = page.getByTestId('service-receipt');
    await visible(receipt.getByTestId('receipt-villager').getByText(name));
    await visible(receipt.getByTestId('receipt-service').getByText('话费充值'));
    await visible(receipt.getByTestId('receipt-amount').getByText('¥50.00'));
    await visible(receipt.getByTestId('receipt-fee').getByText('¥0.50'));
    await visible(receipt.getByTestId('receipt-status').getByText('成功'));
    const receiptNo = ((await receipt.getByTestId('receipt-no').textContent()) ?? '').trim();
    expect(receiptNo).toMatch(/^SV\d{8}[0-9A-F]{8}$/);
    // Chromium's print dialog cannot be driven headless; count the calls instead.
    type Printable = { print: () => void; printed: number };
    await page.evaluate(() => {
      const w = globalThis as unknown as Printable;
      w.printed = 0;
      w.print = () => {
        w.printed++;
      };
    });
    await page.getByTestId('print').click();
    expect(await page.evaluate(() => (globalThis as unknown as Printable).printed)).toBe(1);
    if (screenshotDir)
      await page.screenshot({ path: `${screenshotDir}/service-receipt.png`, fullPage: true });

    // The server agrees: succeeded, the float paid the amount, the fee is the partner's.
    const listed = await call<{ items: ServiceRequest[] }>(partner, '/services/requests?kind=mobile_topup');
    const mine = listed.items.find((r) => r.receiptNo === receiptNo)!;
    expect(mine).toMatchObject({ status: 'succeeded', amountFen: 5_000, feeFen: 50 });
    expect((await call<{ balanceFen: number }>(partner, `/centers/${centerId}/float`)).balanceFen).toBe(
      floatBefore - 5_000,
    );
    await page.close();
  });
});
