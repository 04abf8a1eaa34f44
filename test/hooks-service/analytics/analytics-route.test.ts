import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { analyticsRoutes } from '../../../hooks-service/analytics/plugin.ts';
import type { AnalyticsConfig } from '../../../hooks-service/analytics/config.ts';
import { createLogger } from '../../../hooks-service/logger.ts';
import type { AnalyticsQuery, RuleAnalytics } from '../../../hooks-service/store/types.ts';

const TOKEN = 'test-admin-token-0123456789';
const NOW = new Date('2026-11-23T12:00:00Z');

const row = (ruleId: string, shown: number, accepted: number, overridden: number): RuleAnalytics => ({
  ruleId,
  serviceId: 'cairn-order-sign',
  shown,
  accepted,
  overridden,
  overrideReasons: overridden > 0 ? [{ reason: 'not-applicable', count: overridden }] : [],
});

async function serve(config: Partial<AnalyticsConfig> = {}, rows: RuleAnalytics[] = [], logger?: FastifyBaseLogger) {
  const queries: AnalyticsQuery[] = [];
  const app = Fastify(logger ? { loggerInstance: logger } : {});
  await app.register(analyticsRoutes, {
    source: { analytics: async (query) => (queries.push(query), rows) },
    config: { adminToken: TOKEN, alertRate: 0.9, alertMinCount: 10, ...config },
    now: () => NOW,
  });
  return { app, queries };
}

const asAdmin = { authorization: `Bearer ${TOKEN}` };

describe('GET /api/analytics', () => {
  it('does not exist when no admin token is configured', async () => {
    const { app } = await serve({ adminToken: undefined });
    expect((await app.inject({ url: '/api/analytics', headers: asAdmin })).statusCode).toBe(404);
  });

  it.each([
    ['no authorization', {}],
    ['a wrong token', { authorization: 'Bearer not-the-admin-token-000' }],
    ['another scheme', { authorization: `Basic ${TOKEN}` }],
  ])('answers a bare 401 to %s', async (_name, headers) => {
    const { app, queries } = await serve();
    const response = await app.inject({ url: '/api/analytics', headers });
    expect(response.statusCode).toBe(401);
    expect(response.body).toBe('');
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(queries).toEqual([]);
  });

  it('reports the last 30 days by default and flags a rule overridden above the alert rate', async () => {
    const { app, queries } = await serve({}, [row('noisy', 40, 1, 19), row('useful', 40, 15, 5), row('rare', 3, 0, 2)]);
    const response = await app.inject({ url: '/api/analytics', headers: asAdmin });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(queries).toEqual([{ from: new Date('2026-10-24T12:00:00Z'), to: NOW }]);
    const body = response.json();
    expect(body.alert).toEqual({ overrideRate: 0.9, minResponses: 10 });
    expect(
      body.rules.map((r: { ruleId: string; flagged: boolean; overrideRate: number }) => [
        r.ruleId,
        r.flagged,
        r.overrideRate,
      ]),
    ).toEqual([
      ['noisy', true, 0.95],
      ['rare', false, 1],
      ['useful', false, 0.25],
    ]);
  });

  it('gives a null override rate to a rule with no feedback yet', async () => {
    const { app } = await serve({}, [row('quiet', 12, 0, 0)]);
    const body = (await app.inject({ url: '/api/analytics', headers: asAdmin })).json();
    expect(body.rules[0]).toMatchObject({ ruleId: 'quiet', shown: 12, overrideRate: null, flagged: false });
  });

  it('passes an explicit from/to window to the store', async () => {
    const { app, queries } = await serve();
    const url = '/api/analytics?from=2026-11-01&to=2026-11-08T00:00:00Z';
    expect((await app.inject({ url, headers: asAdmin })).statusCode).toBe(200);
    expect(queries).toEqual([{ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-08T00:00:00Z') }]);
  });

  it('passes ?days as a window ending now', async () => {
    const { app, queries } = await serve();
    expect((await app.inject({ url: '/api/analytics?days=7', headers: asAdmin })).statusCode).toBe(200);
    expect(queries).toEqual([{ from: new Date('2026-11-16T12:00:00Z'), to: NOW }]);
  });

  it.each([
    'days=0',
    'days=abc',
    'days=400',
    'from=yesterday',
    'from=2026-11-08&to=2026-11-01',
    'from=2026-11-01&days=3',
  ])('refuses the window %s with 400', async (query) => {
    const { app, queries } = await serve();
    const response = await app.inject({ url: `/api/analytics?${query}`, headers: asAdmin });
    expect(response.statusCode).toBe(400);
    expect(queries).toEqual([]);
  });
});

describe('GET /api/analytics during an admin-token rotation', () => {
  const PREVIOUS = 'the-old-admin-token-being-retired';

  it('accepts the new and the previous token, refuses any other, and logs each use of the previous one', async () => {
    const logs: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    });
    const { app } = await serve({ previousAdminToken: PREVIOUS }, [], createLogger('info', sink));
    const status = async (token: string) =>
      (await app.inject({ url: '/api/analytics', headers: { authorization: `Bearer ${token}` } })).statusCode;
    expect(await status(TOKEN)).toBe(200);
    expect(logs.join('')).not.toContain('previous admin token (');
    expect(await status(PREVIOUS)).toBe(200);
    expect(await status('neither-the-new-nor-the-old-one')).toBe(401);
    const log = logs.join('');
    expect(log).toContain('CAIRN_ADMIN_TOKEN_PREVIOUS is set');
    expect(log.match(/admin request with the previous admin token/g)).toHaveLength(1);
    expect(log).not.toContain(PREVIOUS);
    expect(log).not.toContain(TOKEN);
  });

  it('refuses the previous token once the rotation is over (variable unset)', async () => {
    const { app } = await serve();
    expect(
      (await app.inject({ url: '/api/analytics', headers: { authorization: `Bearer ${PREVIOUS}` } })).statusCode,
    ).toBe(401);
  });
});

describe('GET /api/analytics errors', () => {
  it('explains a refused window in the service error shape', async () => {
    const { app } = await serve();
    const response = await app.inject({ url: '/api/analytics?days=0', headers: asAdmin });
    expect(response.json()).toEqual({ error: 'INVALID_REQUEST', message: 'days must be 1–366' });
  });
});
