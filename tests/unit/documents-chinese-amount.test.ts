import { chineseCapitalAmount as cap } from '../../src-main/modules/documents/chinese-amount';

describe('chineseCapitalAmount (大写金额)', () => {
  // Banking rules (支付结算办法): a leading 拾 is written 壹拾, and one 零 stands for any run of zeros.
  it.each([
    [123456, '壹仟贰佰叁拾肆元伍角陆分'],
    [100105, '壹仟零壹元零伍分'],
    [100000, '壹仟元整'],
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角整'],
    [50, '伍角整'],
    [5, '伍分'],
    [100, '壹元整'],
    [110, '壹元壹角整'],
    [101, '壹元零壹分'],
    [1000, '壹拾元整'],
    [1500, '壹拾伍元整'],
    [2000, '贰拾元整'],
    [10100, '壹佰零壹元整'],
    [11000, '壹佰壹拾元整'],
    [100000000, '壹佰万元整'],
    [1000000100, '壹仟万零壹元整'],
    [1000100000, '壹仟万壹仟元整'],
    [10001000000, '壹亿零壹万元整'],
    [10000000000, '壹亿元整'],
    [100010000, '壹佰万零壹佰元整'],
    [1234567890123, '壹佰贰拾叁亿肆仟伍佰陆拾柒万捌仟玖佰零壹元贰角叁分'],
    [2000500, '贰万零伍元整'],
    [2050000, '贰万零伍佰元整'],
    [2500000, '贰万伍仟元整'],
    [1000001, '壹万元零壹分'],
    [-1250, '负壹拾贰元伍角整'],
  ])('%i fen → %s', (fen, text) => {
    expect(cap(fen)).toBe(text);
  });

  it('rejects fractions of a fen instead of rounding silently', () => {
    expect(() => cap(12.5)).toThrow(/whole number of fen/);
  });
});
