import type { Sqlite } from '../../adapters/db/open';
import type { NewOrder } from '../orders';
import { splitChineseAddress, type AddressSplit } from './address-parse';
import { resolvePinyinAddress } from './address-pinyin';
import {
  checkPostcode,
  countryCode,
  isMasked,
  MASK_RUN,
  normalizePhone,
  regionOf,
  type PhoneResult,
} from './contact-normalize';
import { canonicalSpec, normalizeTitle, sourceKey, synonymMap } from './spec-synonyms';
import {
  catalogueSkus,
  listMappings,
  listShopSynonyms,
  REMEMBERED_MAPPING,
  type ChangeRow,
} from './standardize.repo';

/** What one import needs to standardise its orders, loaded once instead of per order. */
export interface Standardizer {
  synonyms: Map<string, string>;
  known: Set<string>;
  mappings: Map<string, string>;
  catalogue: { sku: string; title: string; spec: string }[];
  /**
   * Answers already worked out in this import: the same SKU text, phone and address recur across
   * orders (repeat buyers, a small catalogue), and the synonyms, mappings and catalogue above do
   * not change while it runs. Results are shared, never mutated.
   */
  memo?: {
    skus: Map<string, { sku: string; reason: string } | null>;
    phones: Map<string, PhoneResult>;
    addresses: Map<string, AddressSplit>;
  };
}

/** Said of a mainland order that arrives with no address; the customer's usual one may fill it later. */
export const NO_ADDRESS_REASON = 'no address on the order';

/** Memo tables are dropped when they reach this size, so a huge import cannot grow them without end. */
const MEMO_LIMIT = 50_000;

function remember<K, V>(map: Map<K, V> | undefined, key: K, compute: () => V): V {
  if (!map) return compute();
  let v = map.get(key);
  if (v === undefined) {
    if (map.size >= MEMO_LIMIT) map.clear();
    v = compute();
    map.set(key, v);
  }
  return v;
}

export function loadStandardizer(sqlite: Sqlite): Standardizer {
  const synonyms = synonymMap(listShopSynonyms(sqlite));
  const rows = catalogueSkus(sqlite);
  return {
    synonyms,
    known: new Set(rows.map((r) => r.sku)),
    mappings: new Map(listMappings(sqlite).map((m) => [m.sourceKey, m.sku])),
    catalogue: rows.map((r) => ({
      sku: r.sku,
      title: normalizeTitle(r.title),
      spec: canonicalSpec(r.spec, synonyms),
    })),
    memo: { skus: new Map(), phones: new Map(), addresses: new Map() },
  };
}

export interface Standardized {
  order: NewOrder;
  changes: ChangeRow[];
  /** Lines whose SKU could not be matched to the catalogue (listed on the mapping screen). */
  unmatched: number;
  /** A real, unmasked number: only such a phone may link the order to a customer. */
  phoneValid: boolean;
  /** The valid phone without its extension (what identifies the customer), else ''. */
  phoneKey: string;
}

const ADDRESS_FIELDS = ['province', 'city', 'district', 'street', 'detail'] as const;

/** Finds the internal SKU for a channel line: known code, remembered mapping, or one catalogue title + spec match. */
export function matchSku(
  s: Standardizer,
  title: string,
  spec: string,
  sku: string,
): { sku: string; reason: string } | null {
  if (sku && s.known.has(sku)) return null;
  return remember(s.memo?.skus, `${sku}\u0000${title}\u0000${spec}`, () => matchUnknownSku(s, title, spec));
}

function matchUnknownSku(s: Standardizer, title: string, spec: string): { sku: string; reason: string } {
  const mapped = s.mappings.get(sourceKey(title, spec, s.synonyms));
  if (mapped) return { sku: mapped, reason: REMEMBERED_MAPPING };
  const t = normalizeTitle(title);
  const c = canonicalSpec(spec, s.synonyms);
  const hits = s.catalogue.filter(
    (e) => e.spec === c && t !== '' && e.title !== '' && (t.includes(e.title) || e.title.includes(t)),
  );
  if (hits.length === 1)
    return { sku: (hits[0] as { sku: string }).sku, reason: `catalogue title + spec (${c || 'no spec'})` };
  return {
    sku: '',
    reason:
      hits.length > 1
        ? `${hits.length} catalogue SKUs fit: ${hits.map((h) => h.sku).join(', ')}`
        : 'no catalogue SKU fits',
  };
}

/**
 * Cleans one order as it arrives: address split and completed, phone and postcode checked,
 * channel SKUs mapped, region set. Every change is returned before → after with its reason,
 * and masked recipients are flagged and left exactly as the platform sent them.
 */
export function standardizeOrder(s: Standardizer, input: NewOrder, homeCountry = 'CN'): Standardized {
  const o: NewOrder = { ...input, reasons: [...input.reasons], lines: input.lines.map((l) => ({ ...l })) };
  const changes: ChangeRow[] = [];
  const change = (field: string, before: string, after: string, reason: string) => {
    if (before !== after) changes.push({ field, before, after, reason });
  };
  const country = countryCode(o.country) || homeCountry;
  change(
    'country',
    o.country,
    country,
    o.country ? 'ISO country code' : `no country given: ${homeCountry} assumed`,
  );
  o.country = country;

  const masked = [o.recipientName, o.phone, o.detail, o.addressRaw].some(isMasked);
  if (masked) {
    o.addressMasked = true;
    o.reasons.push(
      'recipient masked by the platform: kept as sent; the real details come from the platform e-waybill',
    );
  }

  if (country === 'CN') {
    const structured = Boolean(o.province || o.city || o.district);
    const detailMasked = isMasked(o.detail) || (!structured && isMasked(o.addressRaw));
    const chinese = (v: string) => (/[\u4e00-\u9fff]/.test(v) ? v : '');
    // Shopify and shops abroad write the divisions in pinyin ("Guangdong"/"GD", "Shenzhen",
    // "Nanshan District"): matched to the division names, which then stand in for them below.
    const pinyin =
      structured && !detailMasked && [o.province, o.city, o.district].some((v) => v && !chinese(v))
        ? resolvePinyinAddress({
            province: o.province,
            city: o.city,
            district: o.district,
            street: [o.street, o.detail].filter(Boolean).join(', '),
          })
        : null;
    // "北京 北京市 朝阳区 ****": the unmasked province/city/district still route the parcel; the
    // masked rest is kept verbatim as the detail and never guessed at.
    const rawMasked = !structured && isMasked(o.addressRaw);
    // Mask runs become spaces of the same length, so positions in the text still match the raw.
    const unmasked = rawMasked ? o.addressRaw.replace(MASK_RUN, (m) => ' '.repeat(m.length)) : o.addressRaw;
    const text = structured
      ? [
          chinese(o.province) || (pinyin?.province?.name ?? ''),
          chinese(o.city) || (pinyin?.city?.name ?? ''),
          chinese(o.district) || (pinyin?.district?.name ?? ''),
          o.street,
          detailMasked ? '' : o.detail,
        ].join(' ')
      : unmasked;
    if (text.trim()) {
      const split = remember(s.memo?.addresses, text, () => splitChineseAddress(text));
      if (rawMasked && !o.detail) {
        const rest = split.detail ? unmasked.lastIndexOf(split.detail) : -1;
        const firstMask = unmasked.search(/ {2,}/);
        o.detail = o.addressRaw
          .slice(rest >= 0 ? Math.min(rest, firstMask < 0 ? rest : firstMask) : Math.max(0, firstMask))
          .trim();
      }
      const reason =
        split.notes.find((n) => n.startsWith('district')) ??
        (structured ? 'official division name' : 'split from the address text');
      for (const f of ADDRESS_FIELDS) {
        if (f === 'detail' && detailMasked) continue;
        // Never blank what the file said: an unrecognised part stays as written.
        const after = split[f] || o[f];
        const fromPinyin =
          f === 'province' || f === 'city' || f === 'district'
            ? after === pinyin?.[f]?.name && pinyin.reasons[f]
            : undefined;
        const why =
          fromPinyin ||
          (split.notes.find((n) => n.startsWith(f === 'province' ? 'province' : f === 'city' ? 'city' : f)) ??
            reason);
        change(f, o[f], after, why);
        o[f] = after;
      }
      // A pinyin city that fits several (Suzhou: 苏州, 宿州) leaves the city open even when the province is known.
      if (split.ambiguous || !split.province || (pinyin?.ambiguous && !split.city)) {
        o.addressAmbiguous = true;
        o.reasons.push(
          !split.ambiguous && pinyin?.ambiguous
            ? `address ambiguous, not guessed: ${pinyin.ambiguous}`
            : !split.ambiguous
              ? 'address not recognised: no province, city or district found'
              : split.candidates.length
                ? `address ambiguous, not guessed: candidates ${split.candidates.join(' / ')}`
                : `address ambiguous, not guessed: ${split.notes.at(-1) ?? 'no province or city found'}`,
        );
      }
    } else if (rawMasked && !o.detail) {
      o.detail = o.addressRaw;
    } else if (!masked && !o.addressRaw) {
      o.reasons.push(NO_ADDRESS_REASON);
    }
    if (!o.addressRaw)
      o.addressRaw = [o.province, o.city, o.district, o.street, o.detail].filter(Boolean).join(' ');
  }
  const pc = checkPostcode(o.postcode, country);
  change('postcode', o.postcode, pc.postcode, 'postcode format');
  o.postcode = pc.postcode;
  if (pc.valid === false)
    o.reasons.push(`postcode "${pc.postcode}" does not look like a ${country} postcode`);

  const phone = o.phone;
  const ph = remember(s.memo?.phones, `${country}\u0000${phone}`, () => normalizePhone(phone, country));
  change('phone', o.phone, ph.phone, 'phone normalised');
  o.phone = ph.phone;
  if (ph.note && !ph.masked) o.reasons.push(ph.note);

  let unmatched = 0;
  o.lines.forEach((l, i) => {
    const m = matchSku(s, l.title, l.spec, l.sku);
    if (!m) return;
    if (m.sku) {
      change(`lines.${i + 1}.sku`, l.sku, m.sku, m.reason);
      l.sku = m.sku;
    } else {
      unmatched++;
      o.reasons.push(
        `line ${i + 1} "${l.title}${l.spec ? ` ${l.spec}` : ''}" (SKU "${l.sku}") is not in the catalogue: ${m.reason}; map it on the SKU mapping screen`,
      );
    }
  });
  o.region = regionOf(country, o.province);
  return {
    order: o,
    changes,
    unmatched,
    phoneValid: ph.valid,
    phoneKey: ph.valid ? (ph.main ?? ph.phone) : '',
  };
}
