import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wildcardMatcher } from '../../src/core/filters/compile-filters.js';

/** Reference semantics, fine for short inputs: `*` any run, `?` one character, `\` escapes. */
function reference(pattern: string, value: string): boolean {
  let source = '';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '\\' && i + 1 < chars.length) source += (chars[++i] as string).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u').test(value);
}

describe('EC2 filter wildcards', () => {
  it.each([
    ['web-*', 'web-1', true],
    ['web-*', 'web-', true],
    ['web-*', 'db-1', false],
    ['?b', 'ab', true],
    ['?b', 'b', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['a\\?', 'a?', true],
    ['*', '', true],
    ['**x', 'yyx', true],
    ['x*y*z', 'xaaybbz', true],
    ['x*y*z', 'xaazbby', false],
    ['✓?', '✓é', true],
  ])('%s matches %s: %s', (pattern, value, expected) => {
    expect(wildcardMatcher(pattern)(value)).toBe(expected);
  });

  it('agrees with the regular-expression reference on random patterns and values', () => {
    const alphabet = fc.constantFrom('a', 'b', '*', '?', '\\', 'é');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 8 }), fc.array(fc.constantFrom('a', 'b', '*', '?', '\\', 'é'), { maxLength: 10 }), (p, v) => {
        const pattern = p.join('');
        const value = v.join('');
        expect(wildcardMatcher(pattern)(value)).toBe(reference(pattern, value));
      }),
      { numRuns: 2000 },
    );
  });

  it('a hostile pattern is answered (a backtracking matcher would not finish)', () => {
    expect(wildcardMatcher('*a'.repeat(127) + 'b')('a'.repeat(256))).toBe(false);
  });
});
