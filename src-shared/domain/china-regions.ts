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

/**
 * The official name intake stores for a mainland province ("广东" → "广东省", "Guangxi" →
 * "广西壮族自治区"); "" for anything else, including 香港/澳门/台湾, which are stored as sent.
 */
export function provinceFullName(province: string): string {
  return MAINLAND_FULL_NAMES[provinceShortName(province)] ?? '';
}

const MAINLAND_FULL_NAMES: Record<string, string> = {
  上海: '上海市',
  江苏: '江苏省',
  浙江: '浙江省',
  安徽: '安徽省',
  福建: '福建省',
  江西: '江西省',
  山东: '山东省',
  广东: '广东省',
  广西: '广西壮族自治区',
  海南: '海南省',
  北京: '北京市',
  天津: '天津市',
  河北: '河北省',
  山西: '山西省',
  内蒙古: '内蒙古自治区',
  河南: '河南省',
  湖北: '湖北省',
  湖南: '湖南省',
  重庆: '重庆市',
  四川: '四川省',
  贵州: '贵州省',
  云南: '云南省',
  西藏: '西藏自治区',
  陕西: '陕西省',
  甘肃: '甘肃省',
  青海: '青海省',
  宁夏: '宁夏回族自治区',
  新疆: '新疆维吾尔自治区',
  辽宁: '辽宁省',
  吉林: '吉林省',
  黑龙江: '黑龙江省',
};
