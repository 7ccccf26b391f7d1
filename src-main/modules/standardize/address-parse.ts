import { divisionIndex, type DivisionIndex, type Place } from './address-division';
import { foldTraditional } from './hant-hans';

export interface AddressSplit {
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
  /**
   * More than one place fits: the candidates are listed and nothing is guessed. Also set, with no
   * candidates and a note, when the only place name is a road's (北京路1号).
   */
  ambiguous: boolean;
  candidates: string[];
  /** What was inferred rather than read, e.g. "district 南山区 completed from street 粤海街道". */
  notes: string[];
}

const label = (p: Place): string =>
  [
    p.province?.name,
    p.city && p.city.name !== p.province?.name ? p.city.name : '',
    p.district?.name,
    p.level === 'street' ? p.name : '',
  ]
    .filter(Boolean)
    .join('');

/**
 * What follows a place name that makes it a road named after the place: 北京路, 南京东路, 中山大道,
 * 长安街 (but 街道 is a street office), 杭州道, 南京弄, 北京胡同, 南京里. Roads are named after
 * places all over China, so such a name says nothing about where the parcel goes.
 */
const ROAD_AFTER = /^[东西南北中]?[一二三四五六七八九十]?(?:路|大道|大街|街(?!道)|道|巷|弄|胡同|里)/;

/** Longest name of `map` starting at `pos`, keeping only places that `keep` accepts. */
function longest(
  map: Map<string, Place[]>,
  text: string,
  pos: number,
  keep: (p: Place) => boolean,
  roads?: string[],
): { places: Place[]; len: number } | null {
  const idx = divisionIndex();
  const max = Math.min(idx.maxLen, text.length - pos);
  for (let len = max; len >= 2; len--) {
    const name = text.substr(pos, len);
    const found = map.get(name);
    if (!found) continue;
    const places = found.filter(keep);
    if (!places.length) continue;
    // A short name (北京, 中山, 解放) right before 路/街/道… is a road, kept in the detail; unless
    // what follows is itself a division of that place (哈尔滨道里区, 唐山路南区, 台州路桥区).
    if (!places.some((p) => p.name === name)) {
      const road = ROAD_AFTER.exec(text.slice(pos + len, pos + len + 4));
      if (road && !divisionFollows(idx, text, pos + len, places)) {
        roads?.push(name + road[0]);
        continue;
      }
    }
    return { places, len };
  }
  return null;
}

/** Whether a district or street of one of `places` is named at `pos`. */
function divisionFollows(idx: DivisionIndex, text: string, pos: number, places: Place[]): boolean {
  const inside = (p: Place) =>
    places.some((q) =>
      q.level === 'province' ? p.province === q : q.level === 'city' ? p.city === q : p.district === q,
    );
  return Boolean(longest(idx.districts, text, pos, inside) ?? longest(idx.streets, text, pos, inside));
}

const within = (prov: Place | null, city: Place | null, district: Place | null) => (p: Place) =>
  (!prov || p.province === prov) && (!city || p.city === city) && (!district || p.district === district);

/**
 * Splits a free-text Chinese address with the 2023 division data: longest full or short name at
 * each level (province → city → district → street), higher levels inferred from lower ones, a
 * missing district completed from the street, and any doubt reported with its candidates.
 */
export function splitChineseAddress(input: string): AddressSplit {
  const idx = divisionIndex();
  // Match on the text without spaces, in simplified characters (廣東省深圳市南山區 is 广东省…), but
  // cut the detail from the original so its spacing and its characters stay.
  const folded = foldTraditional(input);
  const origin: number[] = [];
  let text = '';
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i] as string;
    if (/\s/.test(ch)) continue;
    text += ch;
    origin.push(i);
  }
  const out: AddressSplit = {
    province: '',
    city: '',
    district: '',
    street: '',
    detail: '',
    ambiguous: false,
    candidates: [],
    notes: [],
  };
  let pos = 0;
  let prov: Place | null = null;
  let city: Place | null = null;
  let district: Place | null = null;
  let street: Place | null = null;
  /** Place names read as roads (北京路…) and left in the detail. */
  const roads: string[] = [];
  // 深圳 + "深圳市粤海街道…": a file's City column repeated at the start of its address line. Not
  // when a longer district name starts there (恩施州 + 恩施市 is the district, not 恩施 again).
  const skipRepeats = () => {
    for (;;) {
      // Every name of a place starts with the same two characters: most texts are ruled out here.
      const two = text.substr(pos, 2);
      if (!(prov && prov.name.startsWith(two)) && !(city && city.name.startsWith(two))) return;
      const again =
        longest(idx.provinces, text, pos, (x) => x === prov) ??
        longest(idx.cities, text, pos, (x) => x === city);
      if (!again) return;
      const asDistrict = longest(idx.districts, text, pos, within(prov, city, null));
      if (asDistrict && asDistrict.len > again.len) return;
      // 吉林省 + 吉林市: the city named like its province is not the province said again.
      const asCity = city ? null : longest(idx.cities, text, pos, within(prov, null, null));
      if (asCity && asCity.len > again.len) return;
      pos += again.len;
    }
  };

  // 中国广东省…: the country said first (Shopify, Amazon, hand-typed sheets) is no place name here;
  // skipped only when a province or city follows, so 中国银行大厦 stays whole in the detail.
  for (const country of ['中华人民共和国', '中国']) {
    if (!text.startsWith(country)) continue;
    const n = country.length;
    if (longest(idx.provinces, text, n, () => true) ?? longest(idx.cities, text, n, () => true)) pos = n;
    break;
  }
  let p = longest(idx.provinces, text, pos, () => true, roads);
  // 吉林市船营区 is the city 吉林市, not the province 吉林 followed by "市"; 海南藏族自治州 is in
  // Qinghai, not 海南. A longer city name at the same spot wins and the province is inferred from it.
  if (p) {
    const asCity = longest(idx.cities, text, pos, () => true);
    if (asCity && asCity.len > p.len) p = null;
  }
  if (p) {
    prov = p.places[0] as Place;
    pos += p.len;
    skipRepeats();
  }
  let c = longest(idx.cities, text, pos, within(prov, null, null), roads);
  // 朝阳区… is a district, not 朝阳(市) followed by "区": the longer name at the same spot wins.
  if (c) {
    const asDistrict = longest(idx.districts, text, pos, within(prov, null, null));
    if (asDistrict && asDistrict.len > c.len) c = null;
  }
  if (c) {
    if (c.places.length === 1) {
      city = c.places[0] as Place;
      pos += c.len;
      skipRepeats();
    } else {
      out.ambiguous = true;
      out.candidates = c.places.map(label);
    }
  } else if (prov) {
    // 上海浦东: a municipality has exactly one city, itself.
    const own = idx.cities.get(prov.name)?.filter((x) => x.province === prov);
    if (own?.length === 1) city = own[0] as Place;
  }
  // 北京市市辖区朝阳区, 重庆市县城口县: older division data (and exports built on it) name a
  // municipality's pseudo city; the district follows it.
  if (city && !out.ambiguous) {
    for (const pseudo of ['市辖区', '县']) {
      if (
        text.startsWith(pseudo, pos) &&
        longest(idx.districts, text, pos + pseudo.length, within(prov, city, null))
      ) {
        pos += pseudo.length;
        break;
      }
    }
  }
  if (!out.ambiguous) {
    const d = longest(idx.districts, text, pos, within(prov, city, null), roads);
    if (d) {
      let places = d.places;
      if (places.length > 1) {
        // 朝阳区 alone fits Beijing and Changchun; a following street may tell them apart.
        const byStreet = places.filter((dp) =>
          longest(idx.streets, text, pos + d.len, within(null, null, dp)),
        );
        if (byStreet.length === 1) places = byStreet;
      }
      if (places.length === 1) {
        district = places[0] as Place;
        pos += d.len;
        // 光明新区, 龙华新区, 南沙新区: the names before they became 光明区… (still in address books).
        if (district.name !== text.substr(pos - d.len, d.len) && text.startsWith('新区', pos)) pos += 2;
        skipRepeats();
      } else {
        out.ambiguous = true;
        out.candidates = places.map(label);
      }
    }
  }
  if (!out.ambiguous && (city || prov)) {
    const s = longest(idx.streets, text, pos, within(prov, city, district));
    if (s) {
      const districts = new Set(s.places.map((x) => x.district));
      if (s.places.length === 1 || (district && districts.size === 1)) {
        street = s.places[0] as Place;
        pos += s.len;
        if (!district && street.district) {
          district = street.district;
          out.notes.push(`district ${district.name} completed from street ${street.name}`);
        }
      } else {
        out.ambiguous = true;
        out.candidates = s.places.map(label);
      }
    }
  }
  const inferred = street ?? district ?? city;
  if (inferred) {
    if (!city && inferred.city) {
      city = inferred.city;
      out.notes.push(`city ${city.name} inferred from ${inferred.name}`);
    }
    if (!prov && inferred.province) {
      prov = inferred.province;
      out.notes.push(`province ${prov.name} inferred from ${(city ?? inferred).name}`);
    }
  }
  out.province = prov?.name ?? '';
  out.city = city?.name ?? '';
  out.district = district?.name ?? '';
  out.street = street?.name ?? '';
  const cut = pos < origin.length ? (origin[pos] as number) : input.length;
  out.detail = input
    .slice(cut)
    .replace(/^[\s,，、;；]+/, '')
    .trim();
  if (!prov && !out.ambiguous && roads.length) {
    // 北京路1号 alone: a road of that name may be in any city; say so instead of guessing 北京市.
    out.ambiguous = true;
    out.notes.push(`${roads[0]} is a road named after a place: province and city not known`);
  } else if (!prov && !out.ambiguous) out.notes.push('no province, city or district recognised');
  return out;
}
