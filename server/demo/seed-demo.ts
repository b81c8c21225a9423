import type { Deps } from '../deps.ts';
import { createMerchant, createProduct } from '../modules/catalog/index.ts';
import { recordAgreement } from '../modules/government/index.ts';
import { type Actor, createUser } from '../modules/identity/index.ts';
import {
  addVillage,
  assignPartner,
  changeCenterStatus,
  createCenter,
  createCounty,
} from '../modules/network/index.ts';
import { recordFloatDeposit } from '../modules/partners/index.ts';
import { submitApplication } from '../modules/recruitment/index.ts';
import { createCourse } from '../modules/training/index.ts';
import { createSeller, listForSeller, reviewProduct } from '../modules/upstream/index.ts';
import { registerVillager } from '../modules/villagers/index.ts';
import { demoGoods } from './demo-goods.ts';

export const DEMO_PASSWORD = 'cuntong2026';

/** Suichang county (遂昌县, Lishui, Zhejiang): twelve villages around the county seat. */
const villages: Array<{ name: string; lat: number; lon: number; population: number; partner?: string }> = [
  { name: '大柘村', lat: 28.527, lon: 119.203, population: 2860, partner: '周小芳' },
  { name: '石练村', lat: 28.478, lon: 119.129, population: 3410, partner: '吴建军' },
  { name: '王村口村', lat: 28.381, lon: 119.068, population: 1980, partner: '叶丽萍' },
  { name: '焦滩村', lat: 28.65, lon: 119.18, population: 1520, partner: '毛志强' },
  { name: '湖山村', lat: 28.695, lon: 119.11, population: 1340, partner: '郑海燕' },
  { name: '北界村', lat: 28.637, lon: 119.335, population: 2210, partner: '雷春花' },
  { name: '金竹村', lat: 28.552, lon: 119.38, population: 1760, partner: '蓝伟' },
  { name: '高坪村', lat: 28.69, lon: 119.39, population: 980, partner: '徐国庆' },
  { name: '濂竹村', lat: 28.43, lon: 119.0, population: 1150 },
  { name: '应村村', lat: 28.45, lon: 119.22, population: 1630 },
  { name: '三仁村', lat: 28.58, lon: 119.23, population: 2040 },
  { name: '新路湾村', lat: 28.62, lon: 119.25, population: 2590 },
];

export type DemoLogin = { login: string; role: string; who: string };

/** Fills an empty database with one realistic county; returns the demo logins. */
export async function seedDemo(deps: Deps): Promise<DemoLogin[]> {
  const hq: Actor = {
    id: 'demo-seed',
    login: 'demo-seed',
    displayName: 'demo',
    role: 'hq_admin',
    countyId: null,
    centerId: null,
    merchantId: null,
  };
  const logins: DemoLogin[] = [];
  const user = async (
    login: string,
    displayName: string,
    role: Actor['role'],
    scope: Partial<Actor> = {},
  ) => {
    const created = await createUser(deps, hq, {
      login,
      password: DEMO_PASSWORD,
      displayName,
      role,
      ...scope,
    });
    logins.push({ login, role, who: displayName });
    return created;
  };

  await user('hq', '总部运营 王敏', 'hq_admin');
  const county = await createCounty(deps, {
    code: 'ZJ-SC',
    name: '遂昌县',
    province: '浙江省',
    hub: { lat: 28.592, lon: 119.276, address: '浙江省丽水市遂昌县妙高街道北街88号 村通县级运营中心' },
  });
  const staff = await user('county', '遂昌县运营中心 李伟', 'county_staff', { countyId: county.id });
  await recordAgreement(deps, hq, county.id, {
    title: '遂昌县农村电子商务合作协议',
    signedOn: '2026-01-15',
    validUntil: '2028-12-31',
    terms: '县政府提供县级运营中心场地三年；每开业一个村级服务站补贴装修费用；共同组织合伙人招募与培训。',
    subsidyFen: 50_000_000,
  });
  await user('gov', '遂昌县商务局 陈静', 'gov_viewer', { countyId: county.id });
  const merchant = await createMerchant(deps, { name: '丰收农资旗舰店', kind: 'retailer' });
  const seller = await user('merchant', '丰收农资 张强', 'merchant', { merchantId: merchant.id });
  for (const goods of demoGoods) await createProduct(deps, seller, goods);

  // No course is required for opening in the demo, so the demo partners stay certified and
  // the county can open a centre at once; HQ adds a required course to see the gate work.
  await createCourse(deps, hq, {
    title: '网店运营与直播带货',
    requiredForOpening: false,
    description: '选品、拍图、上架和直播：帮村民把土特产卖到城里。',
  });

  let n = 0;
  let firstCentre: { partner: Actor; centerId: string } | undefined;
  const openVillages: Array<{ id: string; name: string }> = [];
  for (const v of villages) {
    const village = await addVillage(deps, hq, county.id, v);
    const center = await deps.db.transaction().execute((trx) =>
      createCenter(deps, trx, hq, {
        villageId: village.id,
        name: `${v.name}服务站`,
        address: `${v.name}村委会旁`,
      }),
    );
    if (!v.partner) {
      openVillages.push({ id: village.id, name: v.name });
      continue;
    }
    n++;
    const partner = await user(`partner${n}`, `${v.name} ${v.partner}`, 'partner', { countyId: county.id });
    await assignPartner(deps, hq, center.id, partner.id);
    await changeCenterStatus(deps, hq, center.id, 'open');
    firstCentre ??= { partner: { ...partner, centerId: center.id }, centerId: center.id };
    // Every open centre starts with ¥5,000 of float so orders can be placed at once.
    await deps.db
      .transaction()
      .execute((trx) =>
        recordFloatDeposit(deps, trx, staff, center.id, { amountFen: 500_000, reference: '开业备用金' }),
      );
  }
  await villageProducts(deps, firstCentre!.partner, staff);
  // Two applicants waiting in the pipeline, one per recruitment model.
  const [first, second] = openVillages;
  await submitApplication(deps, null, {
    countyId: county.id,
    villageId: first!.id,
    name: '蓝秀英',
    phone: '13757810001',
    profile: 'store_owner',
    answers: { location: 'village_center', storeSizeSqm: 45, yearsInBusiness: 8, usesMobilePayment: true },
  });
  await submitApplication(deps, staff, {
    countyId: county.id,
    villageId: second!.id,
    name: '叶晨阳',
    phone: '13757810002',
    profile: 'returning_youth',
    answers: { onlineSellingMonths: 20, education: 'college', yearsInCity: 5, hasPremises: true },
  });
  return logins;
}

/**
 * The first centre's partner sells for a beekeeper of the village: two products approved by
 * the county, so the storefront (/store) has something to show, and one waiting for review.
 */
async function villageProducts(deps: Deps, partner: Actor, staff: Actor): Promise<void> {
  const villager = await registerVillager(deps, partner, { name: '周阿婆', phone: '13757820001' });
  const seller = await createSeller(deps, partner, {
    villagerId: villager.id,
    story: '周阿婆在大柘后山养了三十年中华蜂，蜂箱不挪地方，一年只取两次蜜。',
  });
  const listing = (title: string, description: string, priceFen: number, unit: string, weightGrams: number) =>
    listForSeller(deps, partner, seller.id, {
      title,
      description,
      priceFen,
      stock: 50,
      unit,
      weightGrams,
      origin: { grade: '一级', harvestDate: '2026-10-08' },
    });
  const honey = await listing('大柘高山土蜂蜜', '中华蜂百花蜜，自然成熟，不加糖不兑水。', 8_800, '瓶', 1_000);
  const potato = await listing('遂昌番薯干', '本地红心番薯，柴火蒸煮、竹匾晾晒。', 3_500, '袋', 500);
  await listing('野生猕猴桃（预审中）', '山上采的野生猕猴桃。', 4_200, '箱', 2_500);
  for (const product of [honey, potato]) await reviewProduct(deps, staff, product.id, { approve: true });
}
