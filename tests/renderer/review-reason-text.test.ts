import { describe, expect, it } from 'vitest';
import { compileRules, evaluate, type RuleDef } from '../../src-main/modules/review';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { reviewReasonText, ruleReasonText } from '../../src-renderer/features/review/review-reason-text';
import type { OrderFacts } from '../../src-shared/contract/review-fields';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

const facts = {
  total: 600_000,
  crossBorder: true,
  hasIdNumber: false,
  tags: [],
  sku: [],
  category: [],
} as unknown as OrderFacts;

const rule = (id: number, name: string, actions: RuleDef['actions']): RuleDef => ({
  id,
  name,
  enabled: true,
  position: id,
  priority: 0,
  condition: { field: 'total', op: 'gt', value: 500_000 },
  actions,
});

// The reasons exactly as the engine writes them, so a change to its wording fails here.
const reasons = evaluate(
  compileRules([
    rule(1, '跨境订单需买家身份证 / Cross-border: ID', [{ type: 'require_document', document: 'id_number' }]),
    rule(2, 'Big: orders', [
      { type: 'hold', reason: '金额大; 请核对' },
      { type: 'add_tag', tag: 'vip' },
      { type: 'set_priority', priority: 7 },
    ]),
    rule(3, 'Blacklist', [{ type: 'block', reason: '黑名单' }]),
    rule(4, 'OK', [{ type: 'approve' }]),
  ]),
  facts,
).reasons;

describe('review reasons in the UI language', () => {
  it('translates what the rules did in Chinese, keeping rule names and the shop’s reasons as written', () => {
    expect(reasons.map((r) => ruleReasonText(zh, r))).toEqual([
      '跨境订单需买家身份证 / Cross-border: ID：缺少证件：买家身份证号',
      'Big: orders：挂起：金额大; 请核对；添加标签 vip；优先级 7',
      'Blacklist：拦截：黑名单',
      'OK：通过',
    ]);
    expect(reasons.map((r) => ruleReasonText(en, r))).toEqual([
      "跨境订单需买家身份证 / Cross-border: ID: document required: Buyer's ID number",
      'Big: orders: hold: 金额大; 请核对; tag vip; priority 7',
      'Blacklist: blocked: 黑名单',
      'OK: approve',
    ]);
  });

  it('reads stored order reasons: rule lines, a person’s decision, and leaves other lines alone', () => {
    expect(reviewReasonText(zh, `review: ${reasons[0]}`)).toBe(
      '跨境订单需买家身份证 / Cross-border: ID：缺少证件：买家身份证号',
    );
    expect(reviewReasonText(zh, 'review: 王芳: reject — 买家要求取消')).toBe('王芳：人工驳回 — 买家要求取消');
    expect(reviewReasonText(zh, '同一买家 24 小时内多笔订单，待合并发货')).toBe(
      '同一买家 24 小时内多笔订单，待合并发货',
    );
    const onFile = evaluate(
      compileRules([rule(1, 'ID', [{ type: 'require_document', document: 'id_number' }])]),
      { ...facts, hasIdNumber: true },
    ).reasons[0]!;
    expect(ruleReasonText(zh, onFile)).toBe('ID：已有买家身份证号');
  });
});
