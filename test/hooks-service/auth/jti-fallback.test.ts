import { describe, expect, it } from 'vitest';
import { rememberJtiWithFallback } from '../../../hooks-service/auth/jti-fallback';
import { createLogger } from '../../../hooks-service/logger';
import { MemoryStore } from '../../../hooks-service/store/memory';

const T0 = Date.parse('2021-04-01T12:00:00Z');

function setUp() {
  let clock = T0;
  let down = false;
  const shared = new MemoryStore({ now: () => new Date(clock) });
  const remember = rememberJtiWithFallback(
    async (key, exp) => {
      if (down) throw new Error('connect ECONNREFUSED');
      return shared.rememberJti(key, exp);
    },
    createLogger('silent'),
    () => clock,
  );
  return {
    remember,
    setDown: (d: boolean) => {
      down = d;
    },
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const in5min = () => new Date(T0 + 300_000);

describe('jti replay memory across a store outage', () => {
  it('uses the shared store while it answers', async () => {
    const { remember } = setUp();
    expect(await remember('iss|a', in5min())).toBe(true);
    expect(await remember('iss|a', in5min())).toBe(false);
  });

  it('refuses a replay on this replica while the store is down', async () => {
    const { remember, setDown } = setUp();
    setDown(true);
    expect(await remember('iss|b', in5min())).toBe(true);
    expect(await remember('iss|b', in5min())).toBe(false);
  });

  it('accepts only one of two concurrent calls with the same jti while the store is down', async () => {
    const { remember, setDown } = setUp();
    setDown(true);
    const answers = await Promise.all([remember('iss|f', in5min()), remember('iss|f', in5min())]);
    expect(answers.sort()).toEqual([false, true]);
  });

  it('refuses a jti first seen during the outage when it is replayed after the store is back', async () => {
    const { remember, setDown } = setUp();
    setDown(true);
    expect(await remember('iss|c', in5min())).toBe(true);
    setDown(false);
    expect(await remember('iss|c', in5min())).toBe(false);
    expect(await remember('iss|d', in5min())).toBe(true);
  });

  it('forgets an outage jti once its token has expired', async () => {
    const { remember, setDown, advance } = setUp();
    setDown(true);
    expect(await remember('iss|e', in5min())).toBe(true);
    advance(301_000);
    expect(await remember('iss|e', new Date(T0 + 900_000))).toBe(true);
  });
});
