/**
 * Where the generated network lies: real provinces of mainland China with a point well inside
 * each and a spread (degrees) that keeps counties on land, and made-up but plausible county
 * and village names.
 */
import type { Rng } from './rng.ts';

export type Province = { name: string; short: string; lat: number; lon: number; spread: number };

export const provinces: readonly Province[] = [
  { name: '河北省', short: 'HE', lat: 38.3, lon: 115.5, spread: 1.2 },
  { name: '山西省', short: 'SX', lat: 37.6, lon: 112.3, spread: 1.0 },
  { name: '辽宁省', short: 'LN', lat: 41.6, lon: 122.8, spread: 1.0 },
  { name: '吉林省', short: 'JL', lat: 43.7, lon: 126.0, spread: 1.0 },
  { name: '黑龙江省', short: 'HL', lat: 46.5, lon: 127.5, spread: 1.5 },
  { name: '江苏省', short: 'JS', lat: 33.0, lon: 119.5, spread: 0.9 },
  { name: '浙江省', short: 'ZJ', lat: 29.4, lon: 120.0, spread: 0.8 },
  { name: '安徽省', short: 'AH', lat: 31.9, lon: 117.2, spread: 1.0 },
  { name: '福建省', short: 'FJ', lat: 26.2, lon: 118.0, spread: 0.9 },
  { name: '江西省', short: 'JX', lat: 27.8, lon: 115.8, spread: 1.0 },
  { name: '山东省', short: 'SD', lat: 36.2, lon: 117.9, spread: 1.1 },
  { name: '河南省', short: 'HA', lat: 33.9, lon: 113.5, spread: 1.2 },
  { name: '湖北省', short: 'HB', lat: 30.9, lon: 112.3, spread: 1.2 },
  { name: '湖南省', short: 'HN', lat: 27.6, lon: 111.7, spread: 1.2 },
  { name: '广东省', short: 'GD', lat: 23.4, lon: 113.4, spread: 1.0 },
  { name: '海南省', short: 'HI', lat: 19.2, lon: 109.7, spread: 0.4 },
  { name: '四川省', short: 'SC', lat: 30.6, lon: 104.5, spread: 1.3 },
  { name: '贵州省', short: 'GZ', lat: 26.8, lon: 106.8, spread: 1.0 },
  { name: '云南省', short: 'YN', lat: 24.9, lon: 101.9, spread: 1.4 },
  { name: '陕西省', short: 'SN', lat: 34.6, lon: 108.9, spread: 1.0 },
  { name: '甘肃省', short: 'GS', lat: 35.6, lon: 104.6, spread: 1.0 },
  { name: '青海省', short: 'QH', lat: 36.3, lon: 100.5, spread: 0.8 },
  { name: '内蒙古自治区', short: 'NM', lat: 41.5, lon: 112.0, spread: 1.5 },
  { name: '广西壮族自治区', short: 'GX', lat: 23.6, lon: 108.6, spread: 1.1 },
  { name: '宁夏回族自治区', short: 'NX', lat: 37.4, lon: 106.2, spread: 0.6 },
  { name: '新疆维吾尔自治区', short: 'XJ', lat: 43.5, lon: 87.6, spread: 1.5 },
  { name: '重庆市', short: 'CQ', lat: 29.8, lon: 107.2, spread: 0.8 },
];

const first = '安宁永平清河阳新丰德兴和泰昌武文华长庆福临金石白云松桃竹梅兰龙凤鹤鸣溪柳';
const second = '源川江山林州城岭原泉湖坪口水阳丰乐化兴安宁平台峰谷';

/** A distinct county name for index `i` (two characters + 县), e.g. 永川县. */
export function countyName(i: number): string {
  const a = first[i % first.length]!;
  const b = second[Math.floor(i / first.length) % second.length]!;
  const round = Math.floor(i / (first.length * second.length));
  return `${a}${b}${round > 0 ? '东西南北中'[round % 5]! : ''}县`;
}

const villageA = '上下东西南北大小前后新老高王李张刘陈杨黄赵周吴徐孙马朱胡林何郭';
const villageB = '家庄湾坪塘岗坝沟营寨店桥堡岭溪头埠园铺屯';

/** A name distinct from those of indexes 0…i−1 in the same county (unique per county in the schema). */
export function villageName(offset: number, i: number): string {
  const a = villageA.length;
  const b = villageB.length;
  const k = (i + offset) % (a * b);
  const extra = Math.floor(i / (a * b));
  return `${villageA[k % a]!}${villageB[Math.floor(k / a)]!}${extra > 0 ? villageA[(extra - 1) % a]! + villageB[Math.floor((extra - 1) / a) % b]! : ''}村`;
}

/** A point `km` kilometres at most from (lat, lon), uniformly in the disc. */
export function near(rng: Rng, lat: number, lon: number, km: number): { lat: number; lon: number } {
  const r = (km / 111) * Math.sqrt(rng.next());
  const a = rng.next() * 2 * Math.PI;
  return {
    lat: round(lat + r * Math.sin(a)),
    lon: round(lon + (r * Math.cos(a)) / Math.cos((lat * Math.PI) / 180)),
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰凤建国志红春梅海燕林峰亮';

export function personName(rng: Rng): string {
  const g = rng.pick([...given]);
  return `${rng.pick([...surnames])}${g}${rng.chance(0.6) ? rng.pick([...given]) : ''}`;
}

const prefixes = [
  '138',
  '139',
  '150',
  '151',
  '158',
  '187',
  '188',
  '130',
  '131',
  '155',
  '186',
  '133',
  '153',
  '189',
];

/** Distinct mobile numbers from a counter (`n` < 10^8 per prefix). */
export function phoneNumber(n: number): string {
  return `${prefixes[n % prefixes.length]}${String(Math.floor(n / prefixes.length)).padStart(8, '0')}`;
}
