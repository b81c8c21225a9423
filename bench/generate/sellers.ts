/**
 * Village sellers and their listings, as `upstream/sellers.ts` and the county's review write
 * them: the partner makes a villager of its centre a seller (a `village_seller` merchant
 * record owns the seller's products), lists the village's specialties for the seller, and the
 * county approves most, rejects a few, and has some still waiting. Tea, fruit and honey are
 * sometimes sold as a harvest batch: pre-orders until it closes, all collected at once later.
 */
import { LOCAL_SPECIALTY, type ProductRow } from '../../server/modules/catalog/index.ts';
import type { PayoutMethod } from '../../server/modules/upstream/upstream.tables.ts';
import type { Ctx } from './context.ts';
import type { CentrePlan, CountyPlan } from './network.ts';
import { cstDate, cstMidnight, DAY, HOUR, iso, withTail } from './rng.ts';
import type { Sink } from './sink.ts';
import type { Villager } from './trade.ts';

/** Of the centres that trade, the share whose partner has made villagers sellers. */
export const SELLER_CENTRE_SHARE = 0.3;

/** A seller of the county, with the movements of its payable account for the payouts. */
export type SellerAccount = {
  id: string;
  name: string;
  payout: { method: PayoutMethod; account: string } | null;
  /** What delivered sales added to (positive) and refunds took from (negative) its payable, when. */
  moves: Array<{ at: number; fen: number }>;
};

export type Listing = {
  row: ProductRow;
  seller: SellerAccount;
  /** On the storefront since its approval; null while pending or once rejected. */
  activeFrom: number | null;
  /** Takes orders until then: a harvest batch's close, else the end of the centre's trading. */
  until: number;
  /** A harvest batch: when the partner collects every pre-order at once (past the history: not yet). */
  batchCollectMs: number | null;
};

type Specialty = {
  title: string;
  description: string;
  unit: string;
  priceFen: [number, number];
  weightGrams: number;
  /** Picked later and sold in advance as a harvest batch. */
  harvest: boolean;
};

const specialties: readonly Specialty[] = [
  {
    title: '高山云雾绿茶',
    description: '海拔八百米茶园手工采摘，明前嫩芽，炒青工艺',
    unit: '斤',
    priceFen: [18_000, 48_000],
    weightGrams: 600,
    harvest: true,
  },
  {
    title: '农家土蜂蜜',
    description: '中华蜂百花蜜，一年一取，不添加',
    unit: '瓶(1斤)',
    priceFen: [6_800, 12_800],
    weightGrams: 1_100,
    harvest: true,
  },
  {
    title: '手工红薯干',
    description: '本地红心红薯蒸晒三道，软糯香甜',
    unit: '袋',
    priceFen: [1_990, 3_990],
    weightGrams: 520,
    harvest: false,
  },
  {
    title: '椴木香菇干',
    description: '椴木栽培，自然晾晒，肉厚味浓',
    unit: '袋(半斤)',
    priceFen: [3_800, 6_800],
    weightGrams: 300,
    harvest: false,
  },
  {
    title: '散养土鸡蛋',
    description: '林下散养，谷物喂养，当天收集',
    unit: '盒(30枚)',
    priceFen: [3_600, 5_800],
    weightGrams: 1_900,
    harvest: false,
  },
  {
    title: '柴火烟熏腊肉',
    description: '农家土猪后腿肉，柴火慢熏四十天',
    unit: '斤',
    priceFen: [5_800, 8_800],
    weightGrams: 550,
    harvest: false,
  },
  {
    title: '红心猕猴桃',
    description: '山地果园，自然成熟后采摘，产地直发',
    unit: '箱(5斤)',
    priceFen: [5_900, 9_900],
    weightGrams: 2_800,
    harvest: true,
  },
  {
    title: '高山脐橙',
    description: '树上挂果到十二月，果大皮薄，酸甜适中',
    unit: '箱(10斤)',
    priceFen: [6_900, 11_900],
    weightGrams: 5_300,
    harvest: true,
  },
  {
    title: '手剥山核桃',
    description: '当年新果，椒盐炒制，壳薄易剥',
    unit: '斤',
    priceFen: [4_500, 7_800],
    weightGrams: 550,
    harvest: false,
  },
  {
    title: '农家黄小米',
    description: '旱地种植，石碾去壳，熬粥出油',
    unit: '袋(5斤)',
    priceFen: [3_900, 5_900],
    weightGrams: 2_600,
    harvest: false,
  },
  {
    title: '秋木耳',
    description: '段木秋耳，朵小肉厚，泡发率高',
    unit: '袋(半斤)',
    priceFen: [3_500, 6_500],
    weightGrams: 280,
    harvest: false,
  },
  {
    title: '山地板栗',
    description: '山坡老树板栗，个头饱满，粉糯香甜',
    unit: '斤',
    priceFen: [1_800, 3_200],
    weightGrams: 550,
    harvest: true,
  },
  {
    title: '古法柿饼',
    description: '霜降后采摘，手工削皮，自然风干出霜',
    unit: '盒(2斤)',
    priceFen: [3_900, 6_800],
    weightGrams: 1_100,
    harvest: false,
  },
  {
    title: '压榨山茶油',
    description: '野生油茶籽，物理压榨，一级冷榨',
    unit: '桶(5升)',
    priceFen: [29_800, 49_800],
    weightGrams: 4_800,
    harvest: false,
  },
  {
    title: '手工笋干',
    description: '春笋蒸煮晒干，无硫熏，炖肉佳品',
    unit: '袋(半斤)',
    priceFen: [2_800, 4_800],
    weightGrams: 300,
    harvest: false,
  },
];

const stories = [
  '种了二十多年的地，想让城里人也尝尝我们村的味道。',
  '在外打工多年回到村里，和老人们一起把家乡的好东西卖出去。',
  '家里三代都做这个，手艺是爷爷传下来的。',
  '合作社带着乡亲们一起种，一起卖。',
  '',
];
const rejections = ['图片与描述不符，请补充实拍图', '缺少产地及等级信息', '价格明显高于同类商品，请核实'];
const grades = ['特级', '一级', '二级'];

/**
 * The sellers of one centre and their listings, or none: most centres have no seller. Sellers
 * join a few weeks after the centre opens; each lists one to three products.
 */
export function writeSellers(
  ctx: Ctx,
  sink: Sink,
  county: CountyPlan,
  centre: CentrePlan,
  villagers: readonly Villager[],
  sellers: SellerAccount[],
  span: { from: number; to: number },
): Listing[] {
  const { rng, endMs } = ctx;
  if (!rng.chance(SELLER_CENTRE_SHARE)) return [];
  const listings: Listing[] = [];
  const count = Math.min(villagers.length, rng.int(1, 3));
  const chosen = new Set<Villager>();
  while (chosen.size < count) chosen.add(rng.pick(villagers));
  for (const villager of chosen) {
    const joinedMs = span.from + rng.int(0, 40) * DAY + rng.int(0, 10) * HOUR;
    if (joinedMs >= span.to - 5 * DAY) continue;
    const id = withTail(rng.idAt(joinedMs), ctx.counters.seller++);
    const merchantId = rng.idAt(joinedMs);
    const roll = rng.next();
    const payout: SellerAccount['payout'] =
      roll < 0.55
        ? {
            method: 'bank_card',
            account: `6217${String(rng.int(0, 999_999_999)).padStart(9, '0')}${rng.int(100_000, 999_999)}`,
          }
        : roll < 0.88
          ? { method: 'alipay', account: villager.phone }
          : null;
    const at = iso(joinedMs);
    sink.add('merchants', {
      id: merchantId,
      name: `${villager.name} · ${id.slice(-6)}`,
      kind: 'village_seller',
      created_at: at,
    });
    sink.add('sellers', {
      id,
      villager_id: villager.id,
      county_id: county.id,
      center_id: centre.id,
      merchant_id: merchantId,
      display_name: villager.name,
      story: rng.pick(stories),
      payout_method: payout?.method ?? null,
      payout_account: payout?.account ?? null,
      consent_at: at,
      created_by: centre.partnerId!,
      created_at: at,
    });
    const account: SellerAccount = { id, name: villager.name, payout, moves: [] };
    sellers.push(account);
    const products = rng.int(1, 3);
    for (let n = 0; n < products; n++) {
      const listedMs = joinedMs + (n === 0 ? rng.int(1, 48) * HOUR : rng.int(1, 30) * DAY);
      if (listedMs >= Math.min(span.to, endMs)) continue;
      listings.push(writeListing(ctx, sink, county, centre, { account, merchantId }, listedMs, span.to));
    }
  }
  return listings;
}

function writeListing(
  ctx: Ctx,
  sink: Sink,
  county: CountyPlan,
  centre: CentrePlan,
  seller: { account: SellerAccount; merchantId: string },
  listedMs: number,
  tradedUntil: number,
): Listing {
  const { rng, endMs } = ctx;
  const s = rng.pick(specialties);
  const id = withTail(rng.idAt(listedMs), ctx.counters.listing++);
  const priceFen = Math.round(rng.int(s.priceFen[0], s.priceFen[1]) / 10) * 10;
  // A batch must close after the listing and be collected while the centre still trades.
  let batch: { closesMs: number; shipsFrom: string; collectMs: number } | null = null;
  if (s.harvest && rng.chance(0.4)) {
    const closesMs = listedMs + rng.int(10, 25) * DAY;
    const shipsMs = closesMs + rng.int(0, 5) * DAY;
    const collectMs = Math.max(closesMs + HOUR, cstMidnight(shipsMs) + 9 * HOUR + rng.int(0, 180) * 60_000);
    if (collectMs < tradedUntil || tradedUntil >= endMs)
      batch = { closesMs, shipsFrom: cstDate(shipsMs), collectMs };
  }
  const reviewedMs = listedMs + rng.int(3, 72) * HOUR;
  const decision =
    reviewedMs > endMs || rng.chance(0.05) ? 'pending_review' : rng.chance(0.1) ? 'rejected' : 'active';
  const harvestDate = batch ? batch.shipsFrom : cstDate(listedMs - rng.int(3, 60) * DAY);
  const grade = rng.chance(0.7) ? rng.pick(grades) : null;
  const row: ProductRow = {
    id,
    merchant_id: seller.merchantId,
    sku: `LS-${id.slice(-12).toUpperCase()}`,
    title: `${centre.villageName}${s.title}`,
    description: s.description,
    category: '土特产',
    kind: LOCAL_SPECIALTY,
    price_fen: priceFen,
    stock: batch ? rng.int(50, 400) : rng.int(100, 2_000),
    weight_grams: s.weightGrams,
    status: decision,
    unit: s.unit,
    origin: JSON.stringify({
      countyId: county.id,
      centerId: centre.id,
      village: centre.villageName,
      grade,
      harvestDate,
      sellerId: seller.account.id,
      ...(batch ? { preorder: { closesAt: iso(batch.closesMs), shipsFrom: batch.shipsFrom } } : {}),
    }),
    review_note: decision === 'rejected' ? rng.pick(rejections) : null,
    created_at: iso(listedMs),
    updated_at: iso(decision === 'pending_review' ? listedMs : reviewedMs),
  };
  if (batch) {
    sink.add('harvest_batches', {
      product_id: id,
      county_id: county.id,
      closes_at: iso(batch.closesMs),
      ships_from: batch.shipsFrom,
      collected_at: batch.collectMs <= endMs ? iso(batch.collectMs) : null,
    });
  }
  return {
    row,
    seller: seller.account,
    activeFrom: decision === 'active' ? reviewedMs : null,
    until: Math.min(batch ? batch.closesMs : tradedUntil, tradedUntil),
    batchCollectMs: batch?.collectMs ?? null,
  };
}

/** The hours city buyers shop in: 07:00–23:00 China time, on a random day of [from, to). */
export function shoppingMoment(ctx: Ctx, from: number, to: number): number {
  const day = cstMidnight(from + Math.floor(ctx.rng.next() * Math.max(1, to - from)));
  const at = day + 7 * HOUR + Math.floor(ctx.rng.next() * 16 * HOUR);
  return Math.min(Math.max(at, from), to - 1);
}
