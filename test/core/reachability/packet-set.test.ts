// Packet sets: exact set algebra over address and port intervals, and AWS's way of printing them.
import { describe, expect, it } from 'vitest';
import { cidrSpans, header, restrict, spansSubtract, spansToCidrs, spansUnion, without, type PacketSet } from '../../../src/core/reachability/packet-set.js';

const span = (c: string) => cidrSpans(c) ?? [];

describe('packet sets', () => {
  it('prints address sets as the fewest CIDRs (AWS prints "any public address" as a list)', () => {
    expect(spansToCidrs(span('10.0.0.0/16'))).toEqual(['10.0.0.0/16']);
    expect(spansToCidrs(spansSubtract(span('0.0.0.0/0'), span('10.0.0.0/8')))).toEqual(['0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8', '12.0.0.0/6', '16.0.0.0/4', '32.0.0.0/3', '64.0.0.0/2', '128.0.0.0/1']);
    expect(spansToCidrs([[167772161, 167772163]])).toEqual(['10.0.0.1/32', '10.0.0.2/31']);
  });

  it('union and subtraction of intervals', () => {
    expect(spansUnion([[0, 5]], [[6, 9], [20, 30]])).toEqual([[0, 9], [20, 30]]);
    expect(spansSubtract([[0, 65535]], [[1024, 65535]])).toEqual([[0, 1023]]);
    expect(spansSubtract([[0, 10]], [[2, 3], [5, 6]])).toEqual([[0, 1], [4, 4], [7, 10]]);
  });

  it('first-match subtraction stays exact across dimensions', () => {
    const all: PacketSet = { protocol: 'tcp', boxes: [{ src: span('10.0.0.0/16'), dst: span('10.1.0.0/16'), sp: [[0, 65535]], dp: [[0, 65535]] }] };
    // A deny for 10.0.1.0/24 on port 22 removes exactly that corner.
    const rest = without(all, { src: span('10.0.1.0/24'), dp: [[22, 22]] });
    expect(restrict(rest, { src: span('10.0.1.0/24'), dp: [[22, 22]] }).boxes).toEqual([]);
    expect(restrict(rest, { src: span('10.0.1.0/24'), dp: [[23, 23]] }).boxes).toHaveLength(1);
    expect(restrict(rest, { src: span('10.0.2.0/24'), dp: [[22, 22]] }).boxes).toHaveLength(1);
    expect(header(rest).protocol).toBe('6');
    expect(header(rest).destinationPortRanges).toEqual([{ from: 0, to: 65535 }]);
  });
});
