import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mergedReasonsJson, mergeReasons } from '../../src-main/modules/review/review.service';

// A reason line: plain, a review line, or text full of what JSON escapes (quotes, \, newlines, CJK).
const line = fc.oneof(
  fc.string(),
  fc.string().map((s) => `review: ${s}`),
  fc.constantFrom('地址不完整 "A\\B"', 'routing: SH', 'review:no space', '\u2028', 'review: 金额大\n'),
);

describe('review reasons merged on the stored JSON text', () => {
  test('always the same list as parsing, merging and writing it again', () => {
    fc.assert(
      fc.property(fc.array(line), fc.array(fc.string()), (existing, review) => {
        const json = mergedReasonsJson(JSON.stringify(existing), review);
        expect(JSON.parse(json)).toEqual(mergeReasons(existing, review));
      }),
    );
  });

  test('a first review appends to the stored text; a later one replaces its own lines', () => {
    expect(mergedReasonsJson('[]', ['a'])).toBe('["review: a"]');
    expect(mergedReasonsJson('["type x"]', ['a', 'b'])).toBe('["type x","review: a","review: b"]');
    expect(mergedReasonsJson('["type x","review: old"]', ['new'])).toBe('["type x","review: new"]');
    // Text not written by JSON.stringify (spaces after the bracket) is parsed, not sliced.
    expect(mergedReasonsJson('["type x"] ', ['a'])).toBe('["type x","review: a"]');
  });
});
