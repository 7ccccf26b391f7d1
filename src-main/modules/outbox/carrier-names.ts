import { canonicalCarrier } from '../fulfillment';

/**
 * Our carrier codes (the tracking-pattern codes of shipping) → the name each kind of channel
 * expects. Shopify accepts any company string but links tracking pages only for the names on its
 * supported-carrier list, so the English names follow that list as far as we know it; Chinese
 * marketplaces' bulk-shipping uploads match the company by its Chinese name. A code not listed
 * here falls back to the carrier's own name in Settings → Carriers, then to the code itself.
 */
const NAMES: Record<string, { en: string; zh: string }> = {
  SF: { en: 'SF Express', zh: '顺丰速运' },
  ZTO: { en: 'ZTO Express', zh: '中通快递' },
  YTO: { en: 'YTO Express', zh: '圆通速递' },
  YD: { en: 'Yunda Express', zh: '韵达快递' },
  STO: { en: 'STO Express', zh: '申通快递' },
  EMS: { en: 'China EMS (ePacket)', zh: '邮政EMS' },
  JD: { en: 'JD Logistics', zh: '京东快递' },
  JT: { en: 'J&T Express', zh: '极兔速递' },
  DBL: { en: 'Deppon', zh: '德邦快递' },
  CAINIAO: { en: 'Cainiao', zh: '菜鸟速递' },
  UPS: { en: 'UPS', zh: 'UPS' },
  DHL: { en: 'DHL Express', zh: 'DHL' },
  FEDEX: { en: 'FedEx', zh: 'FedEx' },
};

/** Public tracking pages the carriers document; Shopify builds its own link for the others. */
const TRACKING_URLS: Record<string, (n: string) => string> = {
  UPS: (n) => `https://www.ups.com/track?tracknum=${encodeURIComponent(n)}`,
  DHL: (n) =>
    `https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=${encodeURIComponent(n)}`,
  FEDEX: (n) => `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(n)}`,
};

/** Chinese names for Chinese channels (Taobao, PDD, Douyin, 1688…), English for Shopify and WooCommerce. */
export function carrierNameFor(
  channelKind: string,
  carrierCode: string,
  fallbackName: string | null,
): string {
  const known = NAMES[canonicalCarrier(carrierCode)];
  const english = channelKind === 'shopify' || channelKind === 'woocommerce' || channelKind === 'amazon';
  if (known) return english ? known.en : known.zh;
  return fallbackName?.trim() || carrierCode;
}

export const trackingUrlFor = (carrierCode: string, trackingNumber: string): string | null =>
  TRACKING_URLS[canonicalCarrier(carrierCode)]?.(trackingNumber) ?? null;
