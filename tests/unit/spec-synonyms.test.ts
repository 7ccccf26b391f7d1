import { canonicalSpec, synonymMap } from '../../src-main/modules/standardize/spec-synonyms';

describe('spec synonyms written in more than one word', () => {
  const syn = synonymMap([{ term: 'Dusty Rose', canonical: '粉/Pink' }]);

  test('the built-in ONE SIZE and FREE SIZE mean 均码, as a channel writes them', () => {
    expect(canonicalSpec('One Size', syn)).toBe('均码/One size');
    expect(canonicalSpec('free size', syn)).toBe('均码/One size');
    expect(canonicalSpec('Black / One Size', syn)).toBe(canonicalSpec('均码 黑色', syn));
  });

  test("a shop's own term with a space is found inside a longer spec; single words still map alone", () => {
    expect(canonicalSpec('Color: Dusty Rose; Size: XL码', syn)).toBe(canonicalSpec('粉色 XL', syn));
    expect(canonicalSpec('Size  one   size', syn)).toBe('均码/One size');
    expect(canonicalSpec('Rose', syn)).toBe('ROSE');
  });
});
