import type { RoutingRegion } from '../../../src-shared/contract/routing.contract';

/** Province short names (what is left after 省/市/自治区…) with pinyin, grouped into the seven regions. */
const PROVINCES: readonly [short: string, pinyin: string, region: RoutingRegion][] = [
  ['上海', 'shanghai', 'east'],
  ['江苏', 'jiangsu', 'east'],
  ['浙江', 'zhejiang', 'east'],
  ['安徽', 'anhui', 'east'],
  ['福建', 'fujian', 'east'],
  ['江西', 'jiangxi', 'east'],
  ['山东', 'shandong', 'east'],
  ['台湾', 'taiwan', 'east'],
  ['广东', 'guangdong', 'south'],
  ['广西', 'guangxi', 'south'],
  ['海南', 'hainan', 'south'],
  ['香港', 'hong kong', 'south'],
  ['澳门', 'macau', 'south'],
  ['北京', 'beijing', 'north'],
  ['天津', 'tianjin', 'north'],
  ['河北', 'hebei', 'north'],
  ['山西', 'shanxi', 'north'],
  ['内蒙古', 'inner mongolia', 'north'],
  ['河南', 'henan', 'central'],
  ['湖北', 'hubei', 'central'],
  ['湖南', 'hunan', 'central'],
  ['重庆', 'chongqing', 'southwest'],
  ['四川', 'sichuan', 'southwest'],
  ['贵州', 'guizhou', 'southwest'],
  ['云南', 'yunnan', 'southwest'],
  ['西藏', 'tibet', 'southwest'],
  ['陕西', 'shaanxi', 'northwest'],
  ['甘肃', 'gansu', 'northwest'],
  ['青海', 'qinghai', 'northwest'],
  ['宁夏', 'ningxia', 'northwest'],
  ['新疆', 'xinjiang', 'northwest'],
  ['辽宁', 'liaoning', 'northeast'],
  ['吉林', 'jilin', 'northeast'],
  ['黑龙江', 'heilongjiang', 'northeast'],
];

/** Where Chinese express carriers charge remote-area (偏远地区) prices. */
const REMOTE = new Set(['新疆', '西藏', '青海', '内蒙古', '宁夏', '甘肃']);

export const REGION_NAMES: Record<RoutingRegion, { zh: string; en: string }> = {
  east: { zh: '华东', en: 'East China' },
  south: { zh: '华南', en: 'South China' },
  north: { zh: '华北', en: 'North China' },
  central: { zh: '华中', en: 'Central China' },
  southwest: { zh: '西南', en: 'Southwest China' },
  northwest: { zh: '西北', en: 'Northwest China' },
  northeast: { zh: '东北', en: 'Northeast China' },
};

const cache = new Map<string, string | null>();

/** "广东省", "广东" and "Guangdong" all give "广东"; unknown text gives null. */
export function provinceShort(text: string): string | null {
  const key = text.trim().toLowerCase();
  if (!key) return null;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const found =
    PROVINCES.find(
      ([short, pinyin]) => key.startsWith(short) || key === pinyin || key === `${pinyin} province`,
    )?.[0] ?? null;
  cache.set(key, found);
  return found;
}

export const regionOf = (province: string): RoutingRegion | null => {
  const short = provinceShort(province);
  return short === null ? null : (PROVINCES.find((p) => p[0] === short)?.[2] ?? null);
};

export type Zone = 'province' | 'region' | 'national' | 'remote';

const zones = new Map<string, Zone>();

/** The generic price zone from a warehouse to a destination, as Chinese carriers quote them. */
export function zoneOf(fromProvince: string, toProvince: string): Zone {
  // Asked for every warehouse of every order: a few hundred distinct pairs, remembered.
  const key = `${fromProvince}\u0000${toProvince}`;
  let zone = zones.get(key);
  if (zone === undefined) {
    if (zones.size >= 10_000) zones.clear();
    zones.set(key, (zone = computeZone(fromProvince, toProvince)));
  }
  return zone;
}

function computeZone(fromProvince: string, toProvince: string): Zone {
  const from = provinceShort(fromProvince);
  const to = provinceShort(toProvince);
  if (from !== null && from === to) return 'province';
  if (to !== null && REMOTE.has(to)) return 'remote';
  if (from !== null && to !== null && regionOf(from) === regionOf(to)) return 'region';
  return 'national';
}
