import type { TFunction } from 'i18next';

/**
 * What intake says about an order as it arrives, in English: the order's type and why
 * (order-write `classify`), how it was linked to a customer (customer-link), what standardisation
 * noticed (order-standardize: masked or unrecognised address, postcode, phone, unknown SKU), and
 * the reason of each standardisation change (before → after). These are said in the UI language
 * here; names, phone numbers, SKUs, codes and the channel's own words are kept. Any other wording
 * is shown as written.
 */
type Rule = [RegExp, (t: TFunction, m: Record<string, string>) => string];

const ORDER_TYPES = ['online_shop', 'marketplace', 'live_stream', 'wholesale', 'group_buy', 'cross_border'];
const typeName = (t: TFunction, type: string) => (ORDER_TYPES.includes(type) ? t(`orderType.${type}`) : type);
const join = (t: TFunction, parts: string[]) => parts.join(t('orders.intake.listJoin'));

function read(t: TFunction, rules: Rule[], text: string): string | null {
  for (const [re, say] of rules) {
    const m = re.exec(text);
    if (m) return say(t, m.groups ?? {});
  }
  return null;
}

/** Why the file's order has its type: the layout's hint (layouts' typeHint) or the channel's kind. */
const TYPE_HINTS: Rule[] = [
  [/^from the file$/, (t) => t('orders.intake.hint.file')],
  [/^order_type column$/, (t) => t('orders.intake.hint.column')],
  [/^chosen when the order was entered by hand$/, (t) => t('orders.intake.hint.byHand')],
  [/^ships to (?<country>\S+) from (?<home>\S+)$/, (t, m) => t('orders.intake.hint.crossBorder', m)],
  [/^1688 is a wholesale channel$/, (t) => t('orders.intake.hint.wholesale1688')],
  [/^1688 buyer company (?<company>.+)$/, (t, m) => t('orders.intake.hint.company1688', m)],
  [/^Amazon sales channel (?<channel>.+)$/, (t, m) => t('orders.intake.hint.amazonChannel', m)],
  [/^Shopify source: (?<source>.+)$/, (t, m) => t('orders.intake.hint.shopifySource', m)],
  [/^no 达人\/直播 source on the order$/, (t) => t('orders.intake.hint.douyinNoLive')],
  [
    /^抖店 orders are live-stream unless the export says otherwise$/,
    (t) => t('orders.intake.hint.douyinLive'),
  ],
  [
    /^(?<kind>\w+) channel(?: \((?<hint>.+)\))?$/,
    (t, m) =>
      t(m.hint ? 'orders.intake.hint.kindWhy' : 'orders.intake.hint.kind', {
        kind: t(`channelKind.${m.kind}`, { defaultValue: m.kind }),
        hint: m.hint ? hintText(t, m.hint) : '',
      }),
  ],
];
const hintText = (t: TFunction, hint: string) => read(t, TYPE_HINTS, hint) ?? hint;

/** The keys a customer was linked by (customer-link `keysOf` labels). */
const KEY_LABELS: Rule[] = [
  [/^channel buyer id (?<id>.+)$/, (t, m) => t('orders.intake.key.buyer', m)],
  [/^phone (?<phone>.+)$/, (t, m) => t('orders.intake.key.phone', m)],
  [/^landline (?<phone>.+) \+ name$/, (t, m) => t('orders.intake.key.landlineName', m)],
  [/^email (?<email>.+)$/, (t, m) => t('orders.intake.key.email', m)],
  [/^name \+ address$/, (t) => t('orders.intake.key.nameAddress')],
];

/** Why a line's SKU was not found (order-standardize `matchUnknownSku`). */
const NO_SKU: Rule[] = [
  [/^no catalogue SKU fits$/, (t) => t('orders.intake.sku.none')],
  [
    /^(?<n>\d+) catalogue SKUs fit: (?<skus>.+)$/,
    (t, m) => t('orders.intake.sku.several', { n: m.n, skus: join(t, m.skus!.split(', ')) }),
  ],
];

/** What the address parser noted (address-parse), used both as an order reason and a change's reason. */
const ADDRESS_NOTES: Rule[] = [
  [
    /^district (?<district>\S+) completed from street (?<street>\S+)$/,
    (t, m) => t('orders.intake.address.districtFromStreet', m),
  ],
  [/^city (?<city>\S+) inferred from (?<from>\S+)$/, (t, m) => t('orders.intake.address.cityFrom', m)],
  [
    /^province (?<province>\S+) inferred from (?<from>\S+)$/,
    (t, m) => t('orders.intake.address.provinceFrom', m),
  ],
  [
    /^(?<road>\S+) is a road named after a place: province and city not known$/,
    (t, m) => t('orders.intake.address.roadName', m),
  ],
  [/^no province or city found$/, (t) => t('orders.intake.address.noProvinceCity')],
  // address-pinyin: "Shenzhen" → 深圳市; the field's own text is kept as written.
  [
    /^pinyin (?<level>province|city|district) "(?<text>.*)" → (?<name>\S+)$/,
    (t, m) => t('orders.intake.address.pinyin', { ...m, level: t(`orders.intake.address.level.${m.level}`) }),
  ],
  [/^province code "(?<code>.*)" → (?<name>\S+)$/, (t, m) => t('orders.intake.address.provinceCode', m)],
  [
    /^pinyin (?<level>province|city|district) "(?<text>.*)" fits (?<candidates>.+)$/,
    (t, m) =>
      t('orders.intake.address.pinyinFits', {
        text: m.text,
        level: t(`orders.intake.address.level.${m.level}`),
        candidates: join(t, m.candidates!.split(' / ')),
      }),
  ],
  [/^no province, city or district recognised$/, (t) => t('orders.intake.address.nothing')],
];

/** Lines intake adds to the order's reasons. */
const REASONS: Rule[] = [
  [
    /^type (?<type>\w+): (?<hint>.+)$/,
    (t, m) => t('orders.intake.type', { type: typeName(t, m.type!), hint: hintText(t, m.hint!) }),
  ],
  [
    /^customer profile linked by (?<keys>.+)$/,
    (t, m) =>
      t('orders.intake.linked', {
        keys: join(
          t,
          m
            .keys!.split(/, (?=channel buyer id |phone |landline |email |name \+ address$)/)
            .map((k) => read(t, KEY_LABELS, k) ?? k),
        ),
      }),
  ],
  [/^no customer link: recipient masked and no buyer id$/, (t) => t('orders.intake.noLink')],
  [
    /^address missing: filled from customer (?<customer>#\d+)'s usual address \(used on (?<uses>\d+) orders?\)$/,
    (t, m) => t('orders.intake.filledFromUsual', { customer: m.customer, count: Number(m.uses) }),
  ],
  [
    /^recipient masked by the platform: kept as sent; the real details come from the platform e-waybill$/,
    (t) => t('orders.intake.masked'),
  ],
  [/^address not recognised: no province, city or district found$/, (t) => t('orders.intake.notRecognised')],
  [
    /^address ambiguous, not guessed: candidates (?<candidates>.+)$/,
    (t, m) => t('orders.intake.ambiguousCandidates', { candidates: join(t, m.candidates!.split(' / ')) }),
  ],
  [
    /^address ambiguous, not guessed: (?<note>.+)$/,
    (t, m) => t('orders.intake.ambiguous', { note: read(t, ADDRESS_NOTES, m.note!) ?? m.note }),
  ],
  [/^no address on the order$/, (t) => t('orders.intake.noAddress')],
  [
    /^postcode "(?<postcode>.*)" does not look like an? (?<country>\S+) postcode$/,
    (t, m) => t('orders.intake.badPostcode', m),
  ],
  [/^phone "(?<phone>.*)" is not a valid (?<country>\S+) number$/, (t, m) => t('orders.intake.badPhone', m)],
  [
    /^line (?<line>\d+) "(?<text>.*)" \(SKU "(?<sku>.*)"\) is not in the catalogue: (?<why>.+); map it on the SKU mapping screen$/,
    (t, m) =>
      t('orders.intake.unknownSku', {
        line: m.line,
        text: m.text,
        sku: m.sku,
        why: read(t, NO_SKU, m.why!) ?? m.why,
      }),
  ],
];

/** The reason of one standardisation change (order-standardize, standardize.handlers, hand-corrections). */
const CHANGES: Rule[] = [
  [/^ISO country code$/, (t) => t('orders.intake.change.isoCountry')],
  [/^no country given: (?<country>\S+) assumed$/, (t, m) => t('orders.intake.change.countryAssumed', m)],
  [/^official division name$/, (t) => t('orders.intake.change.officialName')],
  [/^split from the address text$/, (t) => t('orders.intake.change.splitText')],
  [/^postcode format$/, (t) => t('orders.intake.change.postcode')],
  [/^phone normalised$/, (t) => t('orders.intake.change.phone')],
  [/^remembered SKU mapping$/, (t) => t('orders.intake.change.remembered')],
  [
    /^catalogue title \+ spec \((?<spec>.*)\)$/,
    (t, m) =>
      t('orders.intake.change.catalogue', {
        spec: m.spec === 'no spec' ? t('orders.intake.change.noSpec') : m.spec,
      }),
  ],
  [/^mapped on the SKU mapping screen by (?<actor>.+)$/, (t, m) => t('orders.intake.change.mappedBy', m)],
  [
    /^mapping corrected on the SKU mapping screen by (?<actor>.+)$/,
    (t, m) => t('orders.intake.change.mappingCorrectedBy', m),
  ],
  [
    /^kept the hand correction; the channel sent a different value$/,
    (t) => t('orders.intake.change.keptCorrection'),
  ],
  [/^filled from the customer's usual address$/, (t) => t('orders.intake.change.usualAddress')],
  ...ADDRESS_NOTES,
];

/** One of the order's reason lines written by intake, in the UI language; null for any other line. */
export const intakeReasonText = (t: TFunction, line: string): string | null => read(t, REASONS, line);

/** A standardisation change's reason in the UI language; an unknown wording as written. */
export const changeReasonText = (t: TFunction, reason: string): string => read(t, CHANGES, reason) ?? reason;
