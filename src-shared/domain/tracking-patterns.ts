/**
 * Tracking number shapes per carrier. The Chinese ones follow the heuristics collected in
 * shared/reference (BF-zh/Courier-Validation), widened for SF to "SF + 12–15 digits" as the shop
 * asked; UPS, DHL Express and FedEx follow their published formats. They catch typos and wrong
 * carrier choices; a number that fits is not proof that it exists. Shared: the ship desk uses them
 * to choose the carrier of an order that has none from the number scanned.
 */
const PATTERNS: Record<string, { re: RegExp; shape: string }> = {
  SF: { re: /^SF(\d{12,15}|[A-Z0-9]\d{12})$/, shape: 'SF followed by 12–15 digits' },
  ZTO: { re: /^7[3-68]\d{12}$/, shape: '14 digits starting 73–76 or 78' },
  YTO: { re: /^YT\d{13}$/, shape: 'YT followed by 13 digits' },
  YD: { re: /^([34]\d{14}|5\d{12})$/, shape: '15 digits starting 3 or 4, or 13 digits starting 5' },
  STO: { re: /^(77|43)\d{12,15}$/, shape: '77 or 43 followed by 12–15 digits' },
  EMS: {
    re: /^([981]\d{12}|P[A-Z]\d{11}|[A-Z]{2}\d{9}[A-Z]{2})$/,
    shape: '13 digits starting 1, 8 or 9, P + letter + 11 digits, or a UPU number like EE123456785CN',
  },
  JD: { re: /^JD[A-Z0-9]{2}\d{11}$/, shape: 'JD + 2 letters or digits + 11 digits' },
  JT: { re: /^JT\d{13}$/, shape: 'JT followed by 13 digits' },
  DBL: { re: /^DPK\d{12}$/, shape: 'DPK followed by 12 digits' },
  CAINIAO: { re: /^621\d{12}$/, shape: '15 digits starting 621' },
  UPS: { re: /^1Z[A-Z0-9]{16}$/, shape: '1Z followed by 16 letters or digits' },
  DHL: { re: /^(\d{10,11}|JJD\d{18,20})$/, shape: '10 or 11 digits (or JJD + 18–20 digits)' },
  FEDEX: { re: /^(\d{12}|\d{15}|\d{20}|\d{22})$/, shape: '12, 15, 20 or 22 digits' },
};

/** Other codes channels and clerks use for the same carriers (韵达 YUNDA = YD, 京东 JDL = JD…). */
const ALIASES: Record<string, string> = {
  YUNDA: 'YD',
  JDL: 'JD',
  JTEXPRESS: 'JT',
  DEPPON: 'DBL',
  FEDEXGROUND: 'FEDEX',
};

/** The carrier code tracking rules, names and links are kept under: trimmed, upper case, aliases resolved. */
export const canonicalCarrier = (code: string): string => {
  const c = code.trim().toUpperCase();
  return ALIASES[c] ?? c;
};

export const normalizeTracking = (t: string): string => t.replace(/\s+/g, '').toUpperCase();

/** Null when the number fits the carrier, else a message naming the expected shape. */
export function trackingProblem(carrier: string, tracking: string): string | null {
  const rule = PATTERNS[canonicalCarrier(carrier)];
  if (!tracking) return 'trackingNumber: is required';
  if (rule) {
    return rule.re.test(tracking)
      ? null
      : `trackingNumber: "${tracking}" is not a ${carrier} tracking number (expected ${rule.shape})`;
  }
  return /^[A-Z0-9]+$/.test(tracking)
    ? null
    : `trackingNumber: "${tracking}" must be letters and digits only for carrier ${carrier}`;
}

/**
 * Which of these carriers (codes as the shop keeps them) have a pattern the number fits; a carrier
 * without a pattern never counts, since any letters-and-digits number would fit it.
 */
export function carriersFitting(tracking: string, carriers: string[]): string[] {
  const number = normalizeTracking(tracking);
  return carriers.filter((c) => PATTERNS[canonicalCarrier(c)]?.re.test(number));
}
