import { divisionIndex, type Place } from './address-division';
import { DIVISION_PINYIN } from './division-pinyin.generated';

/**
 * Shopify and other shops abroad send China addresses in pinyin: "Guangdong" (or the ISO 3166-2
 * code "GD"), "Shenzhen", "Nanshan District". They are matched against the pinyin of the 2023
 * division names (division-pinyin.generated.ts) so such orders get their province, city and
 * district like Chinese ones. Toneless pinyin repeats (Taizhou is 台州 and 泰州; Shanxi is 山西
 * and, misspelt, 陕西): the levels narrow each other down, and what stays open is reported with
 * its candidates, never guessed.
 */

/** ISO 3166-2:CN codes (what Shopify puts in "Shipping Province"); YZ is Shopify's older code for Xizang. */
const PROVINCE_CODES: Record<string, string> = {
  AH: '安徽省',
  BJ: '北京市',
  CQ: '重庆市',
  FJ: '福建省',
  GD: '广东省',
  GS: '甘肃省',
  GX: '广西壮族自治区',
  GZ: '贵州省',
  HA: '河南省',
  HB: '湖北省',
  HE: '河北省',
  HI: '海南省',
  HL: '黑龙江省',
  HN: '湖南省',
  JL: '吉林省',
  JS: '江苏省',
  JX: '江西省',
  LN: '辽宁省',
  NM: '内蒙古自治区',
  NX: '宁夏回族自治区',
  QH: '青海省',
  SC: '四川省',
  SD: '山东省',
  SH: '上海市',
  SN: '陕西省',
  SX: '山西省',
  TJ: '天津市',
  XJ: '新疆维吾尔自治区',
  XZ: '西藏自治区',
  YZ: '西藏自治区',
  YN: '云南省',
  ZJ: '浙江省',
};

/**
 * WooCommerce's own state codes for China (shipping_state "CN20"), numbered in its states list;
 * CN30 is Macao, which the mainland division data does not hold.
 */
const WOOCOMMERCE_CODES = [
  '云南省',
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '广西壮族自治区',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '',
  '西藏自治区',
  '新疆维吾尔自治区',
];
WOOCOMMERCE_CODES.forEach((name, i) => {
  if (name) PROVINCE_CODES[`CN${i + 1}`] = name;
});

/** The established English or official spellings that are not plain pinyin of the name. */
const EXONYMS: Record<string, string> = {
  shaanxi: '陕西省',
  innermongolia: '内蒙古自治区',
  // WooCommerce's state names.
  guangxizhuang: '广西壮族自治区',
  ningxiahui: '宁夏回族自治区',
  tibet: '西藏自治区',
  hohhot: '呼和浩特市',
  urumqi: '乌鲁木齐市',
  harbin: '哈尔滨市',
  lhasa: '拉萨市',
  kashgar: '喀什地区',
};

/** Words after a name that say its level ("Nanshan District", "Guangdong Sheng"). */
const LEVEL_WORDS = new Set([
  'province',
  'sheng',
  'city',
  'shi',
  'district',
  'qu',
  'county',
  'xian',
  'prefecture',
  'municipality',
  'autonomous',
  'region',
  'zizhiqu',
  'zizhizhou',
  'new',
  'area',
  'xinqu',
]);
/** The words that make a part of the street line a district rather than a road or a building. */
const DISTRICT_WORDS = new Set(['district', 'qu', 'county', 'xian', 'xinqu']);

interface PinyinIndex {
  provinces: Map<string, Place[]>;
  cities: Map<string, Place[]>;
  districts: Map<string, Place[]>;
}

let cache: PinyinIndex | undefined;

function add(map: Map<string, Place[]>, key: string, p: Place): void {
  const list = map.get(key);
  if (!list) map.set(key, [p]);
  else if (!list.includes(p)) list.push(p);
}

function pinyinIndex(): PinyinIndex {
  if (cache) return cache;
  const syllables = new Map<string, string[]>();
  for (const line of DIVISION_PINYIN.split('\n')) {
    const [name, ...sy] = line.split(' ');
    if (name && sy.length) syllables.set(name, sy);
  }
  /** The pinyin of a name the matcher accepts for `p`, its characters' syllables taken from p's full name. */
  const keyOf = (name: string, p: Place): string | null => {
    const full = [...p.name];
    const sy = syllables.get(p.name);
    if (!sy) return null;
    let out = '';
    for (const ch of name) {
      const at = full.indexOf(ch);
      if (at < 0) return null;
      out += sy[at];
    }
    return out;
  };
  const idx = divisionIndex();
  const build = (from: Map<string, Place[]>): Map<string, Place[]> => {
    const to = new Map<string, Place[]>();
    for (const [name, places] of from)
      for (const p of places) {
        const key = keyOf(name, p);
        if (!key) continue;
        add(to, key, p);
        // 吕梁: typed Lvliang or Luliang.
        if (key.includes('v')) add(to, key.replace(/v/g, 'u'), p);
      }
    return to;
  };
  cache = { provinces: build(idx.provinces), cities: build(idx.cities), districts: build(idx.districts) };
  for (const [key, name] of Object.entries(EXONYMS))
    for (const map of [cache.provinces, cache.cities, cache.districts])
      for (const p of [...map.values()].flat().filter((x) => x.name === name)) add(map, key, p);
  return cache;
}

/** "Xī'ān Shi" → ["xian", "xianshi"]: the name alone first, then with its level word. */
function keysOf(text: string): string[] {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .split(/[^a-z]+/)
    .filter(Boolean);
  const bare = [...words];
  while (bare.length > 1 && LEVEL_WORDS.has(bare[bare.length - 1] as string)) bare.pop();
  return [...new Set([bare.join(''), words.join('')])].filter(Boolean);
}

const isLatin = (v: string): boolean => /[a-z]/i.test(v) && !/[\u3400-\u9fff]/.test(v);

function lookup(map: Map<string, Place[]>, text: string, keep: (p: Place) => boolean): Place[] {
  for (const key of keysOf(text)) {
    const hits = (map.get(key) ?? []).filter(keep);
    if (hits.length) return hits;
  }
  return [];
}

export interface PinyinAddress {
  province: Place | null;
  city: Place | null;
  district: Place | null;
  /** Why each level was filled, for the change record ("pinyin "Shenzhen" → 深圳市"). */
  reasons: { province?: string; city?: string; district?: string };
  /** Set when the pinyin fits more than one place at a level that is still open. */
  ambiguous: string | null;
}

const label = (p: Place): string =>
  [p.province?.name, p.city && p.city.name !== p.province?.name ? p.city.name : '', p.district?.name]
    .filter(Boolean)
    .join('');

/**
 * Province, city and district of a China address written in pinyin, or null when no field is in
 * Latin letters or none of them names a division. Chinese fields are left to the Chinese matcher.
 */
export function resolvePinyinAddress(a: {
  province: string;
  city: string;
  district: string;
  /** The street lines, where "Nanshan District" usually is. */
  street: string;
}): PinyinAddress | null {
  const idx = pinyinIndex();
  const out: PinyinAddress = { province: null, city: null, district: null, reasons: {}, ambiguous: null };
  const all = () => true;

  let provinces: Place[] = [];
  if (isLatin(a.province)) {
    const code = PROVINCE_CODES[a.province.trim().toUpperCase()];
    provinces = code ? (divisionIndex().provinces.get(code) ?? []) : lookup(idx.provinces, a.province, all);
  }
  let cities: Place[] = [];
  let districts: Place[] = [];
  const inProvinces = (p: Place) => !provinces.length || provinces.includes(p.province as Place);
  if (isLatin(a.city)) {
    cities = lookup(idx.cities, a.city, inProvinces);
    // A county-level city or a district in the City field: Kunshan, Nanshan.
    if (!cities.length) districts = lookup(idx.districts, a.city, inProvinces);
  }
  if (isLatin(a.district) && !districts.length) {
    const inCities = (p: Place) => inProvinces(p) && (!cities.length || cities.includes(p.city as Place));
    districts = lookup(idx.districts, a.district, inCities);
  }
  // The lower levels narrow the higher ones down: Shanxi + Xi'an is 陕西.
  if (districts.length) {
    const fromDistricts = new Set(districts.map((d) => d.city as Place));
    if (cities.length) cities = cities.filter((c) => fromDistricts.has(c));
  }
  if (cities.length && provinces.length > 1) {
    const own = new Set(cities.map((c) => c.province as Place));
    provinces = provinces.filter((p) => own.has(p));
  }
  if (districts.length && provinces.length > 1) {
    const own = new Set(districts.map((d) => d.province as Place));
    provinces = provinces.filter((p) => own.has(p));
  }

  const said = (field: string, text: string) => `pinyin ${field} "${text.trim()}"`;
  const settle = (level: 'province' | 'city' | 'district', places: Place[], field: string, text: string) => {
    if (places.length === 1) {
      const p = places[0] as Place;
      out[level] = p;
      const fromCode = level === 'province' && PROVINCE_CODES[text.trim().toUpperCase()];
      out.reasons[level] = `${fromCode ? `province code "${text.trim()}"` : said(field, text)} → ${p.name}`;
    } else if (places.length > 1 && !out.ambiguous) {
      out.ambiguous = `${said(field, text)} fits ${places.map(label).join(' / ')}`;
    }
  };
  settle('province', provinces, 'province', a.province);
  if (districts.length && !cities.length && isLatin(a.city) && !isLatin(a.district))
    settle('district', districts, 'city', a.city);
  else settle('district', districts, 'district', a.district);
  settle('city', cities, 'city', a.city);

  // Higher levels inferred from a single lower one.
  const lowest = out.district ?? out.city;
  if (lowest) {
    if (!out.city && lowest.city) {
      out.city = lowest.city;
      out.reasons.city = `city ${lowest.city.name} inferred from ${lowest.name}`;
    }
    if (!out.province && lowest.province) {
      out.province = lowest.province;
      out.reasons.province = `province ${lowest.province.name} inferred from ${lowest.name}`;
    }
  }
  // "Nanshan District, Keji Road 1": a district named in the street lines of a known city.
  if (out.city && !out.district && a.street) {
    const city = out.city;
    for (const part of a.street.split(/[,，;/]/)) {
      if (!isLatin(part)) continue;
      const words = part
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter(Boolean);
      if (!DISTRICT_WORDS.has(words[words.length - 1] ?? '')) continue;
      const hits = lookup(idx.districts, part, (p) => p.city === city);
      if (hits.length) {
        settle('district', hits, 'district', part);
        break;
      }
    }
  }
  if (!out.province && !out.city && !out.district && !out.ambiguous) return null;
  // A level left open by a doubt at a higher one is not filled from below either.
  if (out.ambiguous && !out.province) return { ...out, city: null, district: null, reasons: {} };
  return out;
}
