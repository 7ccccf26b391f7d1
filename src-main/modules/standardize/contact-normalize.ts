import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { halfWidth } from '../../../src-shared/domain/half-width';

/**
 * One masked run: ****, ##, $$, 密文, or Pinduoduo's ciphertext (~AgAAAAFqz1kBAAAA…~0~~, base64
 * between tildes, then a key version), which is all a PDD export gives for name, phone and street.
 */
export const MASK_RUN = /\*{2,}|#{2}|\${2}|密文|~[A-Za-z0-9+/=]{8,}~\d*~[^~\s]*~?/g;

/** Platforms hide recipients since 2021-22: ##密文, $$密文, ****, 张**, 138****5678. Kept as-is, never "fixed". */
export const isMasked = (text: string): boolean => {
  MASK_RUN.lastIndex = 0;
  return MASK_RUN.test(text) || /\*\s*$/.test(text);
};

export interface PhoneResult {
  /** As stored and printed, with the extension when there is one (0755-86001234转801). */
  phone: string;
  valid: boolean;
  masked: boolean;
  note: string | null;
  /** Only with an extension: the number without it, which is what identifies a customer. */
  main?: string;
  extension?: string;
}

/** "ext. 1234", "x1234", "#1234", "转801", "分机801" at the end of a number. */
const EXTENSION = /^(.*\d.*?)[\s,;]*(?:ext\.?|extension|x|#|转|分机)[\s.:：]*(\d{1,6})\s*$/i;
/** 010-12345678-801: Chinese switchboards write the extension after a last dash. */
const DASH_EXTENSION = /^(.*\d)\s*-\s*(\d{1,6})$/;

const parsePhone = (text: string, cc: CountryCode) => {
  const parsed = parsePhoneNumberFromString(text.replace(/[^\d+]/g, '').replace(/^00/, '+'), cc);
  return parsed?.isValid() ? parsed : null;
};

/** Chinese numbers the way couriers and labels want them (13812345678, 0755-86001234); foreign ones in E.164. */
function formatPhone(parsed: NonNullable<ReturnType<typeof parsePhone>>): string {
  if (parsed.country !== 'CN') return parsed.number as string;
  const national = parsed.nationalNumber as string;
  if (national.length === 11 && national.startsWith('1')) return national;
  // Landlines as Chinese labels print them: area code, dash, the rest (0755-86001234).
  const [area, ...rest] = parsed.formatNational().split(/\s+/);
  return rest.length ? `${area}-${rest.join('')}` : (area as string);
}

/**
 * Chinese numbers are stored the way couriers and labels want them (13812345678, 0755-86001234);
 * foreign ones in E.164. An extension (Amazon's "ext. 1234", a switchboard's 010-12345678-801 or
 * 转801) is kept and the number before it validated. An invalid number is kept as written, with a note.
 */
export function normalizePhone(text: string, country: string): PhoneResult {
  // １３８…: typed with the input method in full-width mode.
  const raw = halfWidth(text.trim());
  if (!raw) return { phone: '', valid: false, masked: false, note: null };
  if (isMasked(raw))
    return { phone: raw, valid: false, masked: true, note: 'phone is masked by the platform' };
  const cc = (/^[A-Z]{2}$/.test(country) ? country : 'CN') as CountryCode;
  const marked = EXTENSION.exec(raw);
  let parsed = parsePhone(marked ? (marked[1] as string) : raw, cc);
  let extension = marked ? (marked[2] as string) : '';
  if (!parsed && !marked) {
    // Only when the whole is no number: 0755-8600-1234 is one number, not 0755-8600 ext. 1234.
    const dashed = DASH_EXTENSION.exec(raw);
    const main = dashed ? parsePhone(dashed[1] as string, cc) : null;
    if (main) {
      parsed = main;
      extension = dashed![2] as string;
    }
  }
  if (!parsed)
    return { phone: raw, valid: false, masked: false, note: `phone "${raw}" is not a valid ${cc} number` };
  const main = formatPhone(parsed);
  if (!extension) return { phone: main, valid: true, masked: false, note: null };
  return {
    phone: parsed.country === 'CN' ? `${main}转${extension}` : `${main} ext. ${extension}`,
    valid: true,
    masked: false,
    note: null,
    main,
    extension,
  };
}

const POSTCODES: Record<string, { re: RegExp; fix?: (s: string) => string }> = {
  CN: { re: /^\d{6}$/ },
  US: { re: /^\d{5}(-\d{4})?$/ },
  CA: { re: /^[A-Z]\d[A-Z] \d[A-Z]\d$/, fix: (s) => s.replace(/^([A-Z]\d[A-Z])\s*(\d[A-Z]\d)$/, '$1 $2') },
  GB: {
    re: /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/,
    fix: (s) => s.replace(/^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/, '$1 $2'),
  },
  DE: { re: /^\d{5}$/ },
  FR: { re: /^\d{5}$/ },
  IT: { re: /^\d{5}$/ },
  ES: { re: /^\d{5}$/ },
  NL: { re: /^\d{4} [A-Z]{2}$/, fix: (s) => s.replace(/^(\d{4})\s*([A-Z]{2})$/, '$1 $2') },
  JP: { re: /^\d{3}-\d{4}$/, fix: (s) => s.replace(/^(\d{3})-?(\d{4})$/, '$1-$2') },
  KR: { re: /^\d{5}$/ },
  AU: { re: /^\d{4}$/ },
  NZ: { re: /^\d{4}$/ },
  SG: { re: /^\d{6}$/ },
  MY: { re: /^\d{5}$/ },
  IN: { re: /^\d{6}$/ },
  RU: { re: /^\d{6}$/ },
  BR: { re: /^\d{5}-\d{3}$/, fix: (s) => s.replace(/^(\d{5})-?(\d{3})$/, '$1-$2') },
  MX: { re: /^\d{5}$/ },
  TW: { re: /^\d{3}(\d{2,3})?$/ },
};

/** Checks a postcode against the country's pattern; fixable spacing is fixed, anything else is only flagged. */
export function checkPostcode(
  postcode: string,
  country: string,
): { postcode: string; valid: boolean | null } {
  const rule = POSTCODES[country];
  const s = postcode.trim().toUpperCase();
  if (!s) return { postcode: '', valid: null };
  if (!rule) return { postcode: s, valid: null };
  const fixed = rule.fix ? rule.fix(s) : s;
  return { postcode: fixed, valid: rule.re.test(fixed) };
}

const COUNTRY_NAMES: Record<string, string> = {
  中国: 'CN',
  中国大陆: 'CN',
  CHINA: 'CN',
  'UNITED STATES': 'US',
  USA: 'US',
  美国: 'US',
  'UNITED KINGDOM': 'GB',
  UK: 'GB',
  英国: 'GB',
  GERMANY: 'DE',
  德国: 'DE',
  FRANCE: 'FR',
  法国: 'FR',
  JAPAN: 'JP',
  日本: 'JP',
  CANADA: 'CA',
  加拿大: 'CA',
  AUSTRALIA: 'AU',
  澳大利亚: 'AU',
  SINGAPORE: 'SG',
  新加坡: 'SG',
  'HONG KONG': 'HK',
  香港: 'HK',
  TAIWAN: 'TW',
  台湾: 'TW',
  MACAU: 'MO',
  MACAO: 'MO',
  澳门: 'MO',
  KOREA: 'KR',
  'SOUTH KOREA': 'KR',
  韩国: 'KR',
  MALAYSIA: 'MY',
  马来西亚: 'MY',
};

/** ISO 3166 alpha-2 from what a file says ("China", "中国", "us"); '' stays '' (the caller decides). */
export function countryCode(text: string): string {
  const s = text.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(s)) return s;
  return COUNTRY_NAMES[s] ?? COUNTRY_NAMES[text.trim()] ?? s;
}

const REGIONS: [string, string[]][] = [
  ['cn_north', ['北京', '天津', '河北', '山西', '内蒙古']],
  ['cn_northeast', ['辽宁', '吉林', '黑龙江']],
  ['cn_east', ['上海', '江苏', '浙江', '安徽', '福建', '江西', '山东']],
  ['cn_central', ['河南', '湖北', '湖南']],
  ['cn_south', ['广东', '广西', '海南']],
  ['cn_southwest', ['重庆', '四川', '贵州', '云南', '西藏']],
  ['cn_northwest', ['陕西', '甘肃', '青海', '宁夏', '新疆']],
];

/** The customer's region: a mainland area (华北, 华东…) or, abroad and in HK/MO/TW, the country code. */
export function regionOf(country: string, province: string): string {
  if (country && country !== 'CN') return country;
  for (const [region, names] of REGIONS) if (names.some((n) => province.startsWith(n))) return region;
  return '';
}
export const REGION_CODES = REGIONS.map(([r]) => r);
