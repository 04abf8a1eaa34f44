import { describe, expect, it } from 'vitest';
import { analyticsConfigFromEnv } from '../../../hooks-service/analytics/config.ts';

describe('analyticsConfigFromEnv', () => {
  it('has no admin token and the default thresholds when nothing is set', () => {
    expect(analyticsConfigFromEnv({})).toEqual({ alertRate: 0.9, alertMinCount: 10 });
  });

  it('reads the token and thresholds', () => {
    const env = {
      CAIRN_ADMIN_TOKEN: 'a-long-enough-admin-token',
      CAIRN_OVERRIDE_ALERT_RATE: '0.8',
      CAIRN_OVERRIDE_ALERT_MIN: '25',
    };
    expect(analyticsConfigFromEnv(env)).toEqual({
      adminToken: 'a-long-enough-admin-token',
      alertRate: 0.8,
      alertMinCount: 25,
    });
  });

  it('reads the previous admin token during a rotation', () => {
    const env = {
      CAIRN_ADMIN_TOKEN: 'the-new-admin-token-0001',
      CAIRN_ADMIN_TOKEN_PREVIOUS: 'the-old-admin-token-0000',
    };
    expect(analyticsConfigFromEnv(env)).toMatchObject({
      adminToken: 'the-new-admin-token-0001',
      previousAdminToken: 'the-old-admin-token-0000',
    });
  });

  it.each([
    [{ CAIRN_ADMIN_TOKEN_PREVIOUS: 'the-old-admin-token-0000' }, 'without CAIRN_ADMIN_TOKEN'],
    [
      { CAIRN_ADMIN_TOKEN: 'the-same-token-twice-00', CAIRN_ADMIN_TOKEN_PREVIOUS: 'the-same-token-twice-00' },
      'equals CAIRN_ADMIN_TOKEN',
    ],
    [
      { CAIRN_ADMIN_TOKEN: 'the-new-admin-token-0001', CAIRN_ADMIN_TOKEN_PREVIOUS: 'short' },
      'CAIRN_ADMIN_TOKEN_PREVIOUS must be at least 16',
    ],
  ])('refuses a rotation set-up that cannot be meant: %j', (env, message) => {
    expect(() => analyticsConfigFromEnv(env)).toThrow(message);
  });

  it.each([
    [{ CAIRN_ADMIN_TOKEN: 'short' }],
    [{ CAIRN_OVERRIDE_ALERT_RATE: '90' }],
    [{ CAIRN_OVERRIDE_ALERT_RATE: '0' }],
    [{ CAIRN_OVERRIDE_ALERT_MIN: '2.5' }],
  ])('fails fast on %j', (env) => {
    expect(() => analyticsConfigFromEnv(env)).toThrow();
  });
});
