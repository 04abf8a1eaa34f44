/**
 * Azure AI Foundry as hospitals reach it: the OpenAI/v1 route for any deployed model, keyless Entra ID auth
 * through the real @azure/identity chain (against a local managed-identity endpoint), output-format negotiation
 * for models without strict structured output, and the content filter. Real `openai` clients, real HTTP.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHostedChat } from '../../../hooks-service/model/chat-client';
import { parseModelConfig, type ModelConfig } from '../../../hooks-service/model/config';
import { createHostedModel } from '../../../hooks-service/model/hosted-model';
import { describeProfile } from '../../../hooks-service/model/profile';
import { makeRequest } from '../../model/support/builders';
import { STUB_KEY } from './support/chat';
import { startManagedIdentityServer, type ManagedIdentityServer } from './support/managed-identity-server';
import { startStubModelServer, type StubModelServer } from './support/stub-model-server';

let stub: StubModelServer;
let mi: ManagedIdentityServer;
const savedEnv = { ...process.env };
beforeAll(async () => {
  stub = await startStubModelServer();
  mi = await startManagedIdentityServer();
});
afterAll(async () => {
  await stub.close();
  await mi.close();
});
beforeEach(() => {
  stub.requests.length = 0;
  stub.script = [];
  stub.fallback = 'good';
  stub.supports = 'json_schema';
  stub.bearer = undefined;
  mi.issued.length = 0;
  mi.resources.length = 0;
  mi.lifetimeSeconds = 3600;
  mi.refuse = false;
});
afterEach(() => {
  process.env = { ...savedEnv };
});

let identity = 0;
/** Points the real managed-identity credential at the local endpoint, as App Service and Container Apps do. */
function useManagedIdentity(): void {
  process.env['IDENTITY_ENDPOINT'] = mi.endpoint;
  process.env['IDENTITY_HEADER'] = mi.secret;
  // A fresh user-assigned identity per test, so msal's process-wide token cache cannot carry tokens across tests.
  process.env['AZURE_CLIENT_ID'] = `test-identity-${++identity}`;
}

function azureConfig(path: string, extra: Record<string, string> = {}): ModelConfig {
  return parseModelConfig({
    CAIRN_MODEL: 'azure',
    CAIRN_MODEL_URL: `${stub.url}${path}`,
    CAIRN_MODEL_NAME: 'cairn-clinical',
    ...extra,
  });
}

const reason = (config: ModelConfig, overrides = {}) => {
  const chat = createHostedChat(config, overrides);
  if (!chat) throw new Error('no chat');
  return { chat, run: () => createHostedModel({ chat, timeoutMs: 5_000 }).reason(makeRequest()) };
};

describe('configuration', () => {
  it('recognises the OpenAI/v1 endpoint and defaults to keyless Entra ID when no key is set', () => {
    const c = parseModelConfig({
      CAIRN_MODEL: 'azure',
      CAIRN_MODEL_URL: 'https://res.openai.azure.com/openai/v1/',
      CAIRN_MODEL_NAME: 'd',
    });
    expect(c).toMatchObject({ azureRoute: 'v1', auth: 'entra', output: 'auto' });
    expect(c.key).toBeUndefined();
  });

  it('keeps a bare resource endpoint on the deployments route with its key', () => {
    const c = parseModelConfig({
      CAIRN_MODEL: 'azure',
      CAIRN_MODEL_URL: 'https://res.openai.azure.com',
      CAIRN_MODEL_NAME: 'd',
      CAIRN_MODEL_KEY: 'k',
    });
    expect(c).toMatchObject({ azureRoute: 'deployments', auth: 'key', key: 'k' });
  });

  it.each([
    [{ CAIRN_MODEL_AUTH: 'password' }, /CAIRN_MODEL_AUTH must be one of key, entra/],
    [{ CAIRN_MODEL_AUTH: 'key' }, /CAIRN_MODEL_KEY is required/],
    [{ CAIRN_MODEL_OUTPUT: 'xml' }, /CAIRN_MODEL_OUTPUT must be one of auto, json_schema, json_object, text/],
  ])('fails fast on %j', (extra, message) => {
    expect(() =>
      parseModelConfig({
        CAIRN_MODEL: 'azure',
        CAIRN_MODEL_URL: 'https://r.openai.azure.com/openai/v1',
        CAIRN_MODEL_NAME: 'd',
        ...extra,
      }),
    ).toThrow(message);
  });

  it('refuses Entra auth for a non-Azure endpoint', () => {
    expect(() =>
      parseModelConfig({
        CAIRN_MODEL: 'openai',
        CAIRN_MODEL_URL: 'https://api.example/v1',
        CAIRN_MODEL_NAME: 'm',
        CAIRN_MODEL_AUTH: 'entra',
      }),
    ).toThrow(/CAIRN_MODEL_AUTH=entra needs CAIRN_MODEL=azure/);
  });
});

describe('the OpenAI/v1 route', () => {
  it('calls /openai/v1/chat/completions with the deployment as model, the key as bearer, and no api-version', async () => {
    const r = await reason(azureConfig('/openai/v1', { CAIRN_MODEL_KEY: STUB_KEY })).run();
    expect(r.source).toBe('hosted');
    const req = stub.requests[0];
    expect(req?.url).toBe('/openai/v1/chat/completions');
    expect(req?.body.model).toBe('cairn-clinical');
    expect(req?.headers.authorization).toBe(`Bearer ${STUB_KEY}`);
  });

  it('authenticates with a managed-identity token for the Cognitive Services scope, cached between calls', async () => {
    useManagedIdentity();
    stub.bearer = (t) => mi.issued.includes(t);
    const { run } = reason(azureConfig('/openai/v1/'));
    expect((await run()).source).toBe('hosted');
    expect((await run()).source).toBe('hosted');
    expect(mi.issued).toEqual(['entra-token-1']);
    expect(mi.resources[0]).toBe('https://cognitiveservices.azure.com');
    expect(stub.requests.map((q) => q.headers.authorization)).toEqual(['Bearer entra-token-1', 'Bearer entra-token-1']);
    expect(stub.requests.some((q) => 'api-key' in q.headers)).toBe(false);
  });

  it('refreshes the token before it expires', async () => {
    useManagedIdentity();
    mi.lifetimeSeconds = 1; // inside the refresh window at once: the next call must not reuse it past expiry
    stub.bearer = (t) => mi.issued.includes(t);
    const { run } = reason(azureConfig('/openai/v1'));
    await run();
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await run()).source).toBe('hosted');
    expect(mi.issued.length).toBeGreaterThanOrEqual(2);
    expect(stub.requests.at(-1)?.headers.authorization).toBe(`Bearer ${mi.issued.at(-1)}`);
  });

  it('falls back, with the reason, when the identity endpoint refuses us (and never calls the model)', async () => {
    useManagedIdentity();
    mi.refuse = true; // the real credential chain, refused by the local identity endpoint
    const r = await reason(azureConfig('/openai/v1')).run();
    expect(r.source).toBe('fallback');
    expect(r.fallbackReason).toBe('model credential unavailable (Entra ID token could not be obtained)');
    expect(mi.issued).toHaveLength(0);
    expect(stub.requests).toHaveLength(0);
  });

  it('names a refused token as a credential problem', async () => {
    stub.bearer = () => false;
    const r = await reason(azureConfig('/openai/v1'), { tokenProvider: async () => 'stale-token' }).run();
    expect(r.fallbackReason).toBe('model endpoint refused our credentials (HTTP 401)');
  });
});

describe('the deployments route (existing Azure OpenAI set-ups)', () => {
  it('sends the Entra token as bearer on the deployment URL with its api-version', async () => {
    stub.bearer = (t) => t === 'tok-dep';
    const r = await reason(azureConfig(''), { tokenProvider: async () => 'tok-dep' }).run();
    expect(r.source).toBe('hosted');
    expect(stub.requests[0]?.url).toBe('/openai/deployments/cairn-clinical/chat/completions?api-version=2024-10-21');
    expect(stub.requests[0]?.headers.authorization).toBe('Bearer tok-dep');
  });
});

describe('models without strict structured output', () => {
  it('steps down to json_object after the first refusal and remembers it (no double calls later)', async () => {
    stub.supports = 'json_object';
    const learned: string[] = [];
    const { chat, run } = reason(azureConfig('/openai/v1', { CAIRN_MODEL_KEY: STUB_KEY }), {
      onOutputLearned: (m: string) => learned.push(m),
    });
    expect((await run()).source).toBe('hosted');
    expect(stub.requests.map((q) => q.body.response_format?.type)).toEqual(['json_schema', 'json_object']);
    expect(stub.requests[1]?.body.messages?.[0]?.content).toContain('Answer with exactly one JSON object');
    stub.requests.length = 0;
    expect((await run()).source).toBe('hosted');
    expect(stub.requests.map((q) => q.body.response_format?.type)).toEqual(['json_object']);
    expect(learned).toEqual(['json_object']);
    expect(describeProfile({ info: { name: 'x', kind: 'hosted' }, profile: chat.profile })).toEqual({
      kind: 'hosted',
      vendor: 'azure',
      route: 'v1',
      auth: 'key',
      output: { mode: 'json_object', setting: 'auto', learned: true },
    });
  });

  it('steps down to plain text for a model that takes no response_format, and finds the JSON in a fenced answer', async () => {
    stub.supports = 'text';
    const { run } = reason(azureConfig('/openai/v1', { CAIRN_MODEL_KEY: STUB_KEY }));
    const r = await run();
    expect(r.source).toBe('hosted');
    expect(r.considerations.length).toBeGreaterThan(0);
    expect(stub.requests.map((q) => q.body.response_format?.type)).toEqual(['json_schema', 'json_object', undefined]);
  });

  it('keeps the validator as the authority in text mode: invented citations are still dropped', async () => {
    stub.supports = 'text';
    const { run } = reason(azureConfig('/openai/v1', { CAIRN_MODEL_KEY: STUB_KEY, CAIRN_MODEL_OUTPUT: 'text' }));
    stub.script = ['invented-citations'];
    const r = await run();
    expect(stub.requests).toHaveLength(1);
    expect(r.dropped.length).toBeGreaterThan(0);
  });

  it('does not step down when the mode is pinned by configuration', async () => {
    stub.supports = 'json_object';
    const r = await reason(
      azureConfig('/openai/v1', { CAIRN_MODEL_KEY: STUB_KEY, CAIRN_MODEL_OUTPUT: 'json_schema' }),
    ).run();
    expect(r.source).toBe('fallback');
    expect(r.fallbackReason).toBe('model endpoint answered HTTP 400');
    expect(stub.requests).toHaveLength(1);
  });
});

describe('provider content filters', () => {
  it.each(['content-filter', 'filtered-completion'] as const)(
    'falls back to the embedded narrative with the reason shown (%s)',
    async (behaviour) => {
      stub.script = [behaviour];
      const { chat, run } = reason(azureConfig('/openai/v1', { CAIRN_MODEL_KEY: STUB_KEY }));
      const r = await run();
      expect(r.source).toBe('fallback');
      expect(r.fallbackReason).toBe('model provider content filter blocked the request');
      expect(r.label).toMatch(/fallback|rule engine/i);
      // A filtered prompt says nothing about the model's output format.
      expect(chat.profile.output.mode).toBe('json_schema');
      expect(stub.requests).toHaveLength(1);
    },
  );
});
