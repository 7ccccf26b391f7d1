import { missingAccount } from '../../src-main/modules/waybill/waybill.service';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { waybillErrorText } from '../../src-renderer/features/waybill/waybill-error-text';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

describe('why an e-waybill has no number, in the UI language', () => {
  it('says the missing account for each platform, carrier kept', () => {
    expect(waybillErrorText(zh, missingAccount('ZTO', 'pdd'))).toBe(
      '需要 ZTO 的拼多多电子面单账号：拼多多订单的收件人已加密，只有拼多多自己的电子面单能打印；请在“设置 → 电子面单账号”中添加',
    );
    expect(waybillErrorText(zh, missingAccount('YTO', 'douyin'))).toMatch(
      /^需要 YTO 的抖店电子面单账号：抖店订单的收件人已加密/,
    );
    expect(waybillErrorText(zh, missingAccount('STO', 'cainiao'))).toBe(
      '需要 STO 的菜鸟电子面单账号：此渠道的订单只能由菜鸟账号取号；请在“设置 → 电子面单账号”中添加',
    );
    expect(waybillErrorText(en, missingAccount('ZTO', 'pdd'))).toMatch(
      /^needs a Pinduoduo \(拼多多\) e-waybill account for ZTO: /,
    );
  });

  it("shows a platform's own refusal as written", () => {
    expect(waybillErrorText(zh, 'isv.waybill-balance-not-enough: 单号余额不足')).toBe(
      'isv.waybill-balance-not-enough: 单号余额不足',
    );
  });
});
