/**
 * Every answer of the real service carries the security headers, whatever route or error produced it: nosniff,
 * no referrer, a CSP that allows nothing and no framing on non-pages, and HSTS exactly when the request was https.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../support/service';

let service: RunningService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

function expectBaseline(headers: Headers): void {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(headers.get('x-frame-options')).toBe('DENY');
}

describe('security headers on every response', () => {
  it('covers discovery, health, a 404, a 400 for bad JSON and a 413 for an oversized body', async () => {
    service = await startService({ bodyLimit: 2048 });
    const answers = [
      await fetch(`${service.url}/cds-services`),
      await fetch(`${service.url}/healthz`),
      await fetch(`${service.url}/no-such-route`),
      await fetch(`${service.url}/cds-services/cairn-patient-view`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"hook":',
      }),
      await fetch(`${service.url}/cds-services/cairn-patient-view`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pad: 'x'.repeat(4096) }),
      }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 404, 400, 413]);
    for (const answer of answers) expectBaseline(answer.headers);
  });

  it('sends HSTS only when the request reached us over https (the proxy says so), never over plain http', async () => {
    service = await startService();
    expect((await fetch(`${service.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    const proxied = await fetch(`${service.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('sends HSTS on every response when CAIRN_PUBLIC_URL is https', async () => {
    service = await startService({ publicUrl: 'https://cairn.example.org' });
    expect((await fetch(`${service.url}/cds-services`)).headers.get('strict-transport-security')).toBe(
      'max-age=31536000',
    );
  });
});
