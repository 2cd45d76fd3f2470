// The tag rules the Manage tags dialog checks before it sends anything (no browser: a pure check).
import { describe, expect, it } from 'vitest';
import { tagProblems } from '../../console/src/shared/tag-problems.js';

describe('tagProblems', () => {
  it('accepts keys of 1 to 128 characters and values up to 256, empty values included', () => {
    expect(tagProblems([{ key: 'Name', value: '' }, { key: 'k'.repeat(128), value: 'v'.repeat(256) }, { key: 'team:net/a=b+c@d', value: 'é ü 9' }])).toEqual([]);
  });

  it('refuses an empty key, a long key or value, the aws: prefix and a repeated key', () => {
    expect(tagProblems([
      { key: ' ', value: 'x' },
      { key: 'k'.repeat(129), value: '' },
      { key: 'AWS:cloudformation', value: '' },
      { key: 'env', value: 'v'.repeat(257) },
      { key: 'env', value: 'prod' },
    ])).toEqual([
      'Tag 1: enter a key.',
      'Tag 2: the key can be at most 128 characters.',
      'Tag 3: keys cannot start with "aws:", which AWS reserves.',
      'Tag 4: the value can be at most 256 characters.',
      'Tag 5: the key "env" is already used by another tag.',
    ]);
  });

  it('refuses characters outside the editor\u2019s set', () => {
    expect(tagProblems([{ key: 'a;b', value: 'c' }, { key: 'ok', value: 'a<b>' }])).toEqual([
      'Tag 1: the key can contain only letters, numbers, spaces and _ . : / = + - @.',
      'Tag 2: the value can contain only letters, numbers, spaces and _ . : / = + - @.',
    ]);
  });

  it('counts at most 50 kept tags; rows marked for removal are neither counted nor checked', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' }));
    expect(tagProblems(many)).toEqual(['A resource can have at most 50 tags; remove 1.']);
    expect(tagProblems([...many.slice(0, 50), { key: 'aws:x', value: '', markedForRemoval: true }])).toEqual([]);
  });
});
