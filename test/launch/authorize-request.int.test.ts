// @vitest-environment happy-dom
/**
 * The app's authorization request, parameter by parameter, against SMART App Launch 2.x §"Obtain authorization
 * code" — with real fhirclient, against the demo SMART server and against a v1 server that only publishes its
 * OAuth URIs in the CapabilityStatement.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLaunch } from '../../demo/auth/launch';
import { startSmartStack, type RunningSmartStack } from '../../demo/smart-stack';
import { newStateKey, startLaunch } from '../../launch/start-launch';
import type { AppConfig } from '../../src/app-config/app-config';
import { authorizeFrom, nodeFetch } from '../app/support/browser-launch';

let stack: RunningSmartStack;
let v1: FastifyInstance;
let v1Base = '';

beforeAll(async () => {
  // Resources passed in: under happy-dom the demo loader's file-URL reads are refused.
  stack = await startSmartStack({ resources: [{ resourceType: 'Patient', id: 'teach-aki' }] });
  v1 = Fastify();
  // A SMART v1 server: no .well-known/smart-configuration, OAuth URIs only in the CapabilityStatement.
  v1.get('/fhir/metadata', async () => ({
    resourceType: 'CapabilityStatement',
    status: 'active',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: 'https://v1.example/authorize' },
                { url: 'token', valueUri: 'https://v1.example/token' },
              ],
            },
          ],
        },
      },
    ],
  }));
  v1Base = `${await v1.listen({ port: 0, host: '127.0.0.1' })}/fhir`;
});
afterAll(async () => {
  await stack.close();
  await v1.close();
});

async function authorizeParams(iss: string, launch?: string, config?: AppConfig): Promise<URLSearchParams> {
  const launchUrl = `${stack.origin}/launch?iss=${encodeURIComponent(iss)}${launch ? `&launch=${launch}` : ''}`;
  const to = await authorizeFrom(launchUrl, (smart) =>
    startLaunch({ url: launchUrl, smart, fetchImpl: nodeFetch, ...(config && { config }) }),
  );
  return new URL(to).searchParams;
}

describe('authorization request (EHR launch)', () => {
  it('sends every required parameter with aud = iss and an S256 PKCE challenge', async () => {
    const launch = encodeLaunch({ patient: 'teach-aki' });
    const p = await authorizeParams(stack.fhirBase, launch);
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe('cairn');
    expect(p.get('redirect_uri')).toBe(`${stack.origin}/app/`);
    expect(p.get('launch')).toBe(launch);
    expect(p.get('aud')).toBe(stack.fhirBase);
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['launch', 'openid', 'fhirUser', 'patient/Observation.rs']),
    );
  });

  it('uses an unguessable state of at least 122 bits, new on every launch', async () => {
    const launch = encodeLaunch({ patient: 'teach-aki' });
    const [a, b] = [await authorizeParams(stack.fhirBase, launch), await authorizeParams(stack.fhirBase, launch)];
    expect(a.get('state')).toMatch(/^[0-9a-f]{64}$/);
    expect(a.get('state')).not.toBe(b.get('state'));
  });
});

describe('authorization request (standalone and v1 servers)', () => {
  it('asks for launch/patient and sends no launch parameter on a standalone launch', async () => {
    const p = await authorizeParams(stack.fhirBase);
    expect(p.has('launch')).toBe(false);
    expect(p.get('scope')?.split(' ')).toContain('launch/patient');
  });

  it('falls back to the CapabilityStatement oauth-uris and SMART v1 scopes', async () => {
    const launchUrl = `${stack.origin}/launch?iss=${encodeURIComponent(v1Base)}&launch=abc`;
    const to = await authorizeFrom(launchUrl, (smart) => startLaunch({ url: launchUrl, smart, fetchImpl: nodeFetch }));
    expect(to.startsWith('https://v1.example/authorize?')).toBe(true);
    const p = new URL(to).searchParams;
    expect(p.get('aud')).toBe(v1Base);
    expect(p.get('scope')).toContain('patient/Observation.read');
    expect(p.get('scope')).not.toContain('.rs');
  });
});

describe('newStateKey', () => {
  it('hex-encodes 32 bytes from the given random source', () => {
    const fixed = {
      getRandomValues: <T extends ArrayBufferView | null>(a: T): T => {
        (a as unknown as Uint8Array).fill(171);
        return a;
      },
    };
    expect(newStateKey(fixed)).toBe('ab'.repeat(32));
  });
});

describe("authorization request with the deployment's app config (CAIRN_APP_*)", () => {
  it('sends the configured client id and scopes, with the launch-context scope this launch needs', async () => {
    const config = { clientId: 'epic-assigned-id', scopes: 'launch/patient openid fhirUser patient/Observation.read' };
    const ehr = await authorizeParams(stack.fhirBase, encodeLaunch({ patient: 'teach-aki' }), config);
    expect(ehr.get('client_id')).toBe('epic-assigned-id');
    expect(ehr.get('scope')).toBe('launch openid fhirUser patient/Observation.read');
    const standalone = await authorizeParams(stack.fhirBase, undefined, config);
    expect(standalone.get('scope')).toBe('launch/patient openid fhirUser patient/Observation.read');
  });
});
