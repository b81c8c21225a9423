/**
 * Fills a database with realistic catalogue data for benchmarks: merchants and N products with
 * Chinese titles built from the vocabulary of seeds, fertiliser, pesticide, tools and everyday
 * goods (brands, specs, pack sizes), inserted in batches inside transactions together with their
 * search terms — the same rows the API writes. Reused by the orders benchmark.
 */
import type { Db } from '../server/db/create-db.ts';
import { insertProducts, type ProductRow } from '../server/modules/catalog/index.ts';
import { uuidv7 } from '../server/shared/ids.ts';

type Family = {
  category: string;
  kind: 'consumer' | 'agri_input';
  brands: string[];
  items: string[];
  specs: string[];
  packs: string[];
  priceFen: [number, number];
  weightGrams: [number, number];
};

const families: Family[] = [
  {
    category: '种子',
    kind: 'agri_input',
    brands: ['登海', '先正达', '隆平高科', '丰乐', '垦丰', '荃银', '大北农', '德农', '敦煌种业', '金色农华'],
    items: [
      '玉米种子',
      '水稻种子',
      '小麦种子',
      '大豆种子',
      '油菜籽',
      '棉花种子',
      '西瓜种子',
      '黄瓜种子',
      '番茄种子',
      '辣椒种子',
      '白菜种子',
      '萝卜种子',
    ],
    specs: [
      '郑单958',
      '先玉335',
      'NK718',
      '登海605',
      '杂交一代',
      '高产抗倒',
      '早熟品种',
      '耐旱',
      '抗病',
      '包衣',
    ],
    packs: ['1kg/袋', '2.5kg/袋', '500g', '5000粒', '20g/罐'],
    priceFen: [1_500, 12_000],
    weightGrams: [20, 2_500],
  },
  {
    category: '化肥',
    kind: 'agri_input',
    brands: ['史丹利', '金正大', '心连心', '云天化', '中化', '司尔特', '芭田', '新洋丰', '鲁西', '撒可富'],
    items: [
      '复合肥料',
      '复合肥',
      '尿素',
      '磷酸二铵',
      '硫酸钾',
      '有机肥料',
      '水溶肥',
      '氯化钾',
      '钙镁磷肥',
      '缓释肥',
      '叶面肥',
    ],
    specs: [
      '15-15-15',
      'NPK 17-17-17',
      '总养分45%',
      '含氮46%',
      'Urea',
      'DAP 64%',
      '硫酸钾型',
      '高塔造粒',
      '生物有机',
    ],
    packs: ['40kg', '50kg', '25kg', '10kg', '5kg'],
    priceFen: [3_000, 25_000],
    weightGrams: [5_000, 50_000],
  },
  {
    category: '农药',
    kind: 'agri_input',
    brands: ['先正达', '拜耳', '巴斯夫', '诺普信', '扬农', '利尔化学', '红太阳', '海利尔'],
    items: [
      '吡虫啉杀虫剂',
      '草甘膦除草剂',
      '多菌灵杀菌剂',
      '阿维菌素',
      '高效氯氰菊酯',
      '苯醚甲环唑',
      '烟嘧磺隆',
      '噻虫嗪',
      '代森锰锌',
    ],
    specs: ['10%可湿性粉剂', '乳油', '悬浮剂', '水分散粒剂', '低毒', '果树蔬菜用'],
    packs: ['100g', '200ml', '500ml', '1L', '5L'],
    priceFen: [800, 9_000],
    weightGrams: [100, 5_500],
  },
  {
    category: '农具',
    kind: 'agri_input',
    brands: ['东方红', '雷沃', '大华', '卫士', '绿田', '富士特'],
    items: [
      '不锈钢铁锹',
      '锄头',
      '镰刀',
      '电动喷雾器',
      '手动喷雾器',
      '微耕机',
      '自吸水泵',
      '滴灌带',
      '农用地膜',
      '果树剪',
      '割草机',
    ],
    specs: ['加厚', '锰钢', '16L', '锂电池', '汽油动力', '1寸口径', '100米'],
    packs: ['1把', '1台', '1卷', '1套'],
    priceFen: [1_200, 280_000],
    weightGrams: [300, 90_000],
  },
  {
    category: '粮油',
    kind: 'consumer',
    brands: ['金龙鱼', '福临门', '鲁花', '中粮', '五常'],
    items: ['花生油', '大豆油', '菜籽油', '东北大米', '面粉', '挂面'],
    specs: ['一级压榨', '非转基因', '香米', '家庭装'],
    packs: ['5L', '10kg', '2.5kg', '1kg'],
    priceFen: [1_000, 15_000],
    weightGrams: [1_000, 10_000],
  },
  {
    category: '日用品',
    kind: 'consumer',
    brands: ['蓝月亮', '立白', '舒肤佳', '心相印', '高露洁', '云南白药', '雕牌'],
    items: ['洗衣液', '洗洁精', '香皂', '抽纸', '牙膏', '洗发水', '洗衣粉'],
    specs: ['薰衣草香', '深层洁净', '家庭装', '温和配方'],
    packs: ['2kg', '3瓶装', '12包', '500g'],
    priceFen: [500, 8_000],
    weightGrams: [200, 3_000],
  },
  {
    category: '家电',
    kind: 'consumer',
    brands: ['美的 Midea', '格力', '海尔 Haier', '九阳 Joyoung', '苏泊尔', '长虹'],
    items: ['电饭煲', '空调', '冰箱', '豆浆机', '电磁炉', '电风扇', '热水器', '洗衣机'],
    specs: ['智能预约', '一级能效', '大容量', '静音'],
    packs: ['4L', '1.5匹', '200升', '8公斤'],
    priceFen: [9_900, 499_900],
    weightGrams: [2_000, 60_000],
  },
];

const descriptions = [
  '正品保障，村服务站代购，县仓统一配送',
  '适合春耕备耕，搭配肥料使用效果更佳',
  '厂家直供，支持退换',
  '农技员推荐，按说明书使用',
  'Genuine product, delivered to the village centre',
];

/** A deterministic pseudo-random stream, so runs are comparable. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * One active catalogue product with a title from the families' vocabulary, a price and weight
 * in the family's range and stock of 0–5,000 (callers that need more set it).
 */
export function productRow(
  rnd: () => number,
  p: { id: string; sku: string; merchantId: string; at: string },
): ProductRow {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const between = ([lo, hi]: [number, number]) => lo + Math.floor(rnd() * (hi - lo));
  const f = pick(families);
  return {
    id: p.id,
    merchant_id: p.merchantId,
    sku: p.sku,
    title: `${pick(f.brands)} ${pick(f.items)} ${pick(f.specs)} ${pick(f.packs)}`,
    description: pick(descriptions),
    category: f.category,
    kind: f.kind,
    price_fen: between(f.priceFen),
    stock: between([0, 5_000]),
    weight_grams: between(f.weightGrams),
    status: 'active',
    unit: null,
    origin: null,
    review_note: null,
    created_at: p.at,
    updated_at: p.at,
  };
}

export type SeedResult = { merchantIds: string[]; productIds: string[] };

/**
 * Inserts `merchants` merchants and `count` active products (with search terms) in batches of
 * `batch` per transaction. `onProgress(done, total)` is called after each batch.
 */
export async function seedCatalog(
  db: Db,
  opts: {
    count: number;
    merchants?: number;
    batch?: number;
    seed?: number;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<SeedResult> {
  const rnd = random(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const now = new Date().toISOString();
  const merchantIds: string[] = [];
  for (let i = 0; i < (opts.merchants ?? 50); i++) {
    const id = uuidv7();
    merchantIds.push(id);
    await db
      .insertInto('merchants')
      .values({ id, name: `商户${i}-${id.slice(-6)}`, kind: i % 3 ? 'retailer' : 'brand', created_at: now })
      .execute();
  }
  const productIds: string[] = [];
  const batch = opts.batch ?? 1000;
  for (let done = 0; done < opts.count; done += batch) {
    const rows: ProductRow[] = [];
    for (let i = done; i < Math.min(opts.count, done + batch); i++) {
      const row = productRow(rnd, { id: uuidv7(), sku: `SKU-${i}`, merchantId: pick(merchantIds), at: now });
      productIds.push(row.id);
      rows.push(row);
    }
    await db.transaction().execute((trx) => insertProducts(trx, rows));
    opts.onProgress?.(Math.min(opts.count, done + batch), opts.count);
  }
  return { merchantIds, productIds };
}
