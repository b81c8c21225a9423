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

const PASSWORD = DEMO_PASSWORD;

const shots = screenshotDir;

type Product = { id: string; title: string; priceFen: number; stock: number };
type Order = { id: string; status: string; totalFen: number; payment: string; villagerId: string };

describe.runIf(runBrowserTests)('assisted order through the partner console', () => {
  const env = useServerAndBrowser();

  const { call } = env;
  const login = (name: string) => apiLogin(env.server.baseUrl, name, PASSWORD);

  it('finds goods by pinyin and Chinese, registers a villager and pays from the float', async () => {
    const base = env.server.baseUrl;
    const tag = Date.now().toString(36).toUpperCase();

    // The merchant lists two goods of its own beside the demo catalogue (titles made unique by a
    // batch tag), and the county tops up partner1's float.
    const merchant = await login('merchant');
    const fertiliser = await call<Product>(
      merchant,
      '/products',
      {
        sku: `FHF-${tag}`,
        title: `复合肥料 45% 40kg 批次${tag}`,
        category: '化肥',
        kind: 'agri_input',
        priceFen: 16_850,
        stock: 40,
        weightGrams: 40_000,
      },
      201,
    );
    const seed = await call<Product>(
      merchant,
      '/products',
      {
        sku: `YMZZ-${tag}`,
        title: `玉米种子 郑单958 1kg 批次${tag}`,
        category: '种子',
        kind: 'agri_input',
        priceFen: 4_500,
        stock: 25,
        weightGrams: 1_000,
      },
      201,
    );
    const partnerToken = await login('partner1');
    const { centerId } = await call<{ centerId: string }>(partnerToken, '/me');
    const county = await login('county');
    await call(
      county,
      `/centers/${centerId}/float/deposits`,
      { amountFen: 500_000, reference: `转账${tag}` },
      201,
    );
    const floatBefore = (await call<{ balanceFen: number }>(partnerToken, `/centers/${centerId}/float`))
      .balanceFen;

    // Signing in, in Chinese by default; the order screen is the partner's home.
    const page = await env.browser.context.newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('账号').fill('partner1');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/partner$/);
    await visible(page.getByTestId('float-balance').getByText(formatFen(floatBefore)));

    const search = page.getByLabel('搜索商品');
    const results = page.getByTestId('product-results');
    const row = (title: string) => results.getByTestId('product-row').filter({ hasText: title });

    // Pinyin initials find the fertiliser; two bags go into the cart.
    // Both goods are listed (newest first) before any search, so the filter shows in what disappears.
    await visible(row(seed.title));
    await search.fill('fhf');
    await row(seed.title).waitFor({ state: 'detached', timeout: 20_000 });
    await visible(row(fertiliser.title));
    await row(fertiliser.title).getByLabel('数量').fill('2');
    await row(fertiliser.title).getByTestId('add-to-cart').click();

    // Chinese finds the seed.
    await search.fill('玉米种子');
    await row(fertiliser.title).waitFor({ state: 'detached', timeout: 20_000 });
    await visible(row(seed.title));
    await row(seed.title).getByTestId('add-to-cart').click();
    const cart = page.getByTestId('cart');
    await visible(cart.getByTestId('cart-line').filter({ hasText: '玉米种子' }));
    const expectedTotal = fertiliser.priceFen * 2 + seed.priceFen;
    await visible(cart.getByTestId('cart-total').getByText('¥382.00'));
    expect(expectedTotal).toBe(38_200);

    // A villager new to the centre, registered on the spot.
    const villagerName = `测试村民${tag.slice(-4)}`;
    const phone = `139${String(Date.now()).slice(-8)}`;
    await page.getByTestId('register-villager').click();
    const form = page.getByTestId('villager-form');
    await visible(form);
    await form.getByLabel('姓名').fill(villagerName);
    await form.getByLabel('手机号').fill(phone);
    await form.getByRole('button', { name: '登记' }).click();
    await visible(page.getByTestId('picked-villager').getByText(villagerName));

    if (shots) await page.screenshot({ path: `${shots}/order-screen.png`, fullPage: true });
    await page.getByTestId('place-order').click();
    const success = page.getByTestId('order-success');
    await visible(success);
    await visible(success.getByTestId('order-total').getByText('¥382.00'));
    await visible(page.getByTestId('float-balance').getByText(formatFen(floatBefore - expectedTotal)));

    await page.getByTestId('open-receipt').click();
    await page.waitForURL(/\/partner\/orders\/[^/]+\/receipt$/);
    const receipt = page.getByTestId('receipt');
    await visible(receipt.getByText('复合肥料 45% 40kg'));
    await visible(receipt.getByTestId('receipt-villager').getByText(villagerName));
    await visible(receipt.getByTestId('receipt-total').getByText('¥382.00'));
    await visible(receipt.getByText('大柘村').first());
    if (shots) await page.screenshot({ path: `${shots}/receipt.png`, fullPage: true });
    const orderId = ((await receipt.getByTestId('receipt-order-id').textContent()) ?? '').trim();

    // The server agrees: the order is placed, the stock reserved and the float charged.
    const order = await call<Order>(partnerToken, `/orders/${orderId}`);
    expect(order.status).toBe('placed');
    expect(order.payment).toBe('float');
    expect(order.totalFen).toBe(expectedTotal);
    expect((await call<Product>(partnerToken, `/products/${fertiliser.id}`)).stock).toBe(
      fertiliser.stock - 2,
    );
    expect((await call<Product>(partnerToken, `/products/${seed.id}`)).stock).toBe(seed.stock - 1);
    const floatAfter = (await call<{ balanceFen: number }>(partnerToken, `/centers/${centerId}/float`))
      .balanceFen;
    expect(floatAfter).toBe(floatBefore - order.totalFen);
    await page.close();
  });
});
