/**
 * Amounts in capital Chinese numerals (大写), as required on Chinese invoices and receipts.
 * Works on integer fen so no float ever decides a digit.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿', '万亿'];

/** Converts 0–9999 to capital numerals; `zeroLead` is set when a higher group precedes it. */
function fourDigits(n: number, zeroLead: boolean): string {
  let out = '';
  let pendingZero = zeroLead && n < 1000 && n > 0;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d]! + SMALL_UNITS[pos]!;
  }
  return out;
}

function yuanPart(yuan: number): string {
  if (yuan === 0) return '';
  const groups: number[] = [];
  for (let v = yuan; v > 0; v = Math.floor(v / 10_000)) groups.push(v % 10_000);
  let out = '';
  let needZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g]!;
    if (value === 0) {
      if (out !== '') needZero = true;
      continue;
    }
    const text = fourDigits(value, out !== '');
    out += (needZero && !text.startsWith('零') ? '零' : '') + text + GROUP_UNITS[g]!;
    needZero = false;
  }
  return out;
}

/**
 * 123456 fen → "壹仟贰佰叁拾肆元伍角陆分"; 100105 → "壹仟零壹元零伍分"; 100000 → "壹仟元整".
 * Negative amounts (refunds) are prefixed with 负.
 */
export function chineseCapitalAmount(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount must be a whole number of fen, got ${fen}`);
  if (fen < 0) return '负' + chineseCapitalAmount(-fen);
  if (fen >= 10_000 * 10 ** 12 * 100)
    throw new RangeError('amount is too large for capital numerals (max 9999万亿元)');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  const head = yuanPart(yuan);
  let out = head ? head + '元' : '';
  if (jiao === 0 && cents === 0) return out + '整';
  if (jiao > 0) out += DIGITS[jiao]! + '角';
  else if (head) out += '零';
  if (cents > 0) out += DIGITS[cents]! + '分';
  else out += '整';
  return out;
}
