import type { TFunction } from 'i18next';

/**
 * Why an order's e-waybill has no number, as the core words it in English (waybill.service
 * `missingAccount`). Said in the UI language with the carrier and platform kept; a platform's own
 * refusal and any other wording are shown as written.
 */
const PLATFORMS: Record<string, string> = { Cainiao: 'cainiao', Pinduoduo: 'pdd', Douyin: 'douyin' };

export function waybillErrorText(t: TFunction, message: string): string {
  const m =
    /^needs a (?<name>\w+) e-waybill account for (?<carrier>\S+): .+; add one in Settings → E-waybill accounts$/.exec(
      message,
    )?.groups;
  const platform = m && PLATFORMS[m.name!];
  if (!platform) return message;
  return t(platform === 'cainiao' ? 'waybill.error.needsCainiao' : 'waybill.error.needsOwn', {
    carrier: m.carrier,
    platform: t(`waybill.platform.${platform}`),
  });
}
