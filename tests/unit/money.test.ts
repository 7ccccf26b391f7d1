import fc from 'fast-check';
import { addMoney, formatMajor, money, multiplyMoney, parseMajor } from '../../src-shared/domain/money';

describe('money in integer minor units', () => {
  test('parses decimal text without floating-point drift', () => {
    expect(parseMajor('0.1', 'CNY') + parseMajor('0.2', 'CNY')).toBe(30);
    expect(parseMajor('¥1,299.00', 'CNY')).toBe(129_900);
    expect(parseMajor('12.5', 'USD')).toBe(1250);
    expect(parseMajor('-3', 'EUR')).toBe(-300);
    expect(parseMajor('1500', 'JPY')).toBe(1500);
    expect(parseMajor('19.90元', 'CNY')).toBe(1990);
  });

  test('rejects text that is not an amount, or has too many decimals', () => {
    expect(() => parseMajor('abc', 'CNY')).toThrow(/not an amount/);
    expect(() => parseMajor('1.234', 'CNY')).toThrow(/more than 2 decimals/);
    expect(() => parseMajor('12.5', 'JPY')).toThrow(/more than 0 decimals/);
    expect(parseMajor('1.230', 'CNY')).toBe(123);
  });

  test('format and parse round-trip for any amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('CNY', 'USD', 'JPY', 'KWD'),
        (minor, cur) => {
          expect(parseMajor(formatMajor(minor, cur), cur)).toBe(minor);
        },
      ),
    );
  });

  test('arithmetic refuses mixed currencies and fractional units', () => {
    expect(addMoney(money(100, 'CNY'), money(250, 'CNY'))).toEqual({ minor: 350, currency: 'CNY' });
    expect(() => addMoney(money(100, 'CNY'), money(1, 'USD'))).toThrow(/cannot add CNY to USD/);
    expect(() => money(1.5, 'CNY')).toThrow(/whole number/);
    expect(() => money(1, 'yuan')).toThrow(/ISO 4217/);
    expect(multiplyMoney(money(1999, 'CNY'), 3).minor).toBe(5997);
    expect(() => multiplyMoney(money(1999, 'CNY'), 0.5)).toThrow(/whole number/);
  });
});
