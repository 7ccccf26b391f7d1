/**
 * Provinces of China grouped into the seven traditional regions (华东, 华南…) that shops,
 * carriers and warehouse preference tables talk in. Keys are short names without 省/市/自治区,
 * so "广东省", "广东" and "Guangdong" all find the same row.
 */
export const REGIONS = [
  'east',
  'south',
  'north',
  'central',
  'southwest',
  'northwest',
  'northeast',
  'overseas',
  'unknown',
] as const;
export type Region = (typeof REGIONS)[number];

export const DISTANCE_CLASSES = ['local', 'domestic', 'remote', 'overseas', 'unknown'] as const;
export type DistanceClass = (typeof DISTANCE_CLASSES)[number];

interface ProvinceRow {
  short: string;
  pinyin: string;
  region: Region;
}

const PROVINCES: readonly ProvinceRow[] = [
  { short: '上海', pinyin: 'shanghai', region: 'east' },
  { short: '江苏', pinyin: 'jiangsu', region: 'east' },
  { short: '浙江', pinyin: 'zhejiang', region: 'east' },
  { short: '安徽', pinyin: 'anhui', region: 'east' },
  { short: '福建', pinyin: 'fujian', region: 'east' },
  { short: '江西', pinyin: 'jiangxi', region: 'east' },
  { short: '山东', pinyin: 'shandong', region: 'east' },
  { short: '台湾', pinyin: 'taiwan', region: 'east' },
  { short: '广东', pinyin: 'guangdong', region: 'south' },
  { short: '广西', pinyin: 'guangxi', region: 'south' },
  { short: '海南', pinyin: 'hainan', region: 'south' },
  { short: '香港', pinyin: 'hong kong', region: 'south' },
  { short: '澳门', pinyin: 'macau', region: 'south' },
  { short: '北京', pinyin: 'beijing', region: 'north' },
  { short: '天津', pinyin: 'tianjin', region: 'north' },
  { short: '河北', pinyin: 'hebei', region: 'north' },
  { short: '山西', pinyin: 'shanxi', region: 'north' },
  { short: '内蒙古', pinyin: 'inner mongolia', region: 'north' },
  { short: '河南', pinyin: 'henan', region: 'central' },
  { short: '湖北', pinyin: 'hubei', region: 'central' },
  { short: '湖南', pinyin: 'hunan', region: 'central' },
  { short: '重庆', pinyin: 'chongqing', region: 'southwest' },
  { short: '四川', pinyin: 'sichuan', region: 'southwest' },
  { short: '贵州', pinyin: 'guizhou', region: 'southwest' },
  { short: '云南', pinyin: 'yunnan', region: 'southwest' },
  { short: '西藏', pinyin: 'tibet', region: 'southwest' },
  { short: '陕西', pinyin: 'shaanxi', region: 'northwest' },
  { short: '甘肃', pinyin: 'gansu', region: 'northwest' },
  { short: '青海', pinyin: 'qinghai', region: 'northwest' },
  { short: '宁夏', pinyin: 'ningxia', region: 'northwest' },
  { short: '新疆', pinyin: 'xinjiang', region: 'northwest' },
  { short: '辽宁', pinyin: 'liaoning', region: 'northeast' },
  { short: '吉林', pinyin: 'jilin', region: 'northeast' },
  { short: '黑龙江', pinyin: 'heilongjiang', region: 'northeast' },
];

/** Carriers' usual "偏远地区": slow, surcharged, often excluded from free shipping. */
export const REMOTE_PROVINCES: readonly string[] = ['新疆', '西藏', '青海', '内蒙古'];

const SUFFIX = /(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|省|市)$/;
const byKey = new Map<string, ProvinceRow>();
for (const p of PROVINCES) {
  byKey.set(p.short, p);
  byKey.set(p.pinyin, p);
}

/** "广西壮族自治区" → "广西"; "Guangdong Province" → "广东"; unknown text → "" */
export function provinceShortName(province: string): string {
  const t = province.trim();
  const zh = byKey.get(t.replace(SUFFIX, ''));
  if (zh) return zh.short;
  const en = byKey.get(
    t
      .toLowerCase()
      .replace(/\s+(province|shi|sheng|municipality|autonomous region|sar)$/, '')
      .trim(),
  );
  return en?.short ?? '';
}

export function regionOf(country: string, province: string): Region {
  if (country && country.toUpperCase() !== 'CN') return 'overseas';
  const short = provinceShortName(province);
  return short ? (byKey.get(short)?.region ?? 'unknown') : 'unknown';
}

/** Local = the shop's home province; remote provinces stay remote even for a shop next door. */
export function distanceClassOf(country: string, province: string, homeProvince: string): DistanceClass {
  if (country && country.toUpperCase() !== 'CN') return 'overseas';
  const short = provinceShortName(province);
  if (!short) return 'unknown';
  if (homeProvince && short === provinceShortName(homeProvince)) return 'local';
  if (REMOTE_PROVINCES.includes(short)) return 'remote';
  return 'domestic';
}

export const PROVINCE_SHORT_NAMES: readonly string[] = PROVINCES.map((p) => p.short);
