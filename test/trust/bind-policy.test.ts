// Open mode only on addresses no other machine can reach, unless the operator says otherwise.
import { describe, expect, it } from 'vitest';
import { bindRefusal, isLoopback } from '../../src/cli/bind-policy.js';

describe('which addresses are loopback', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])('%s is', (host) => {
    expect(isLoopback(host)).toBe(true);
  });
  it.each(['0.0.0.0', '::', '10.0.0.5', '192.168.1.1', '128.0.0.1', '::ffff:10.0.0.1', 'fe80::1', 'example.com'])('%s is not', (host) => {
    expect(isLoopback(host)).toBe(false);
  });
});

describe('when serve refuses to start', () => {
  it('open mode on a reachable address, and says why and what to do', () => {
    const why = bindRefusal('0.0.0.0', 'open', false);
    expect(why).toContain('refusing to listen on 0.0.0.0 with --auth open');
    expect(why).toContain('--auth strict --credentials FILE');
    expect(why).toContain('--allow-open-auth');
  });
  it('never for strict mode, loopback, or with --allow-open-auth', () => {
    expect(bindRefusal('0.0.0.0', 'strict', false)).toBeUndefined();
    expect(bindRefusal('127.0.0.1', 'open', false)).toBeUndefined();
    expect(bindRefusal('0.0.0.0', 'open', true)).toBeUndefined();
  });
});
