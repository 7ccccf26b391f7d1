import { rfmSegment } from '../../src-main/modules/customers/customers.service';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { rfmReasonsText } from '../../src-renderer/features/customers/rfm-reason-text';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

// The reasons exactly as the core gives them with a customer's segment, so a changed wording fails here.
const said = (recencyDays: number | null, frequency: number) => ({
  zh: rfmReasonsText(zh, rfmSegment(recencyDays, frequency).reasons),
  en: rfmReasonsText(en, rfmSegment(recencyDays, frequency).reasons),
});

describe('RFM reasons in the UI language', () => {
  it('says every segment’s reasons in Chinese, days and order counts kept', () => {
    expect(said(null, 0).zh).toBe('尚无订单');
    expect(said(3, 1).zh).toBe('最近一单在 3 天前 · 30 天内首次下单');
    expect(said(40, 1).zh).toBe('最近一单在 40 天前 · 只下过 1 单，已超过 30 天');
    expect(said(10, 6).zh).toBe('最近一单在 10 天前 · 6 单 · ≥ 5 单且 30 天内下过单');
    expect(said(60, 3).zh).toBe('最近一单在 60 天前 · 3 单 · ≥ 3 单且 90 天内下过单');
    expect(said(120, 2).zh).toBe('最近一单在 120 天前 · 2 单 · 老客户已超过 90 天未下单');
    expect(said(20, 2).zh).toBe('最近一单在 20 天前 · 2 单 · 90 天内复购');
    expect(said(400, 9).zh).toBe('最近一单在 400 天前 · 超过一年没有下单');
  });

  it('reads the same in English as the core wrote it, and keeps an unknown reason', () => {
    for (const [r, f] of [
      [3, 1],
      [20, 2],
      [10, 6],
      [400, 9],
    ] as const)
      expect(said(r, f).en).toBe(rfmSegment(r, f).reasons.join(' · '));
    expect(rfmReasonsText(zh, ['bought on a full moon'])).toBe('bought on a full moon');
  });
});
