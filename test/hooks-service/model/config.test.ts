import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../hooks-service/env';
import { parseModelConfig } from '../../../hooks-service/model/config';

describe('model config', () => {
  it('defaults to the embedded model with a 1500 ms hook budget', () => {
    expect(parseModelConfig({})).toMatchObject({ kind: 'embedded', budgetMs: 1500, apiVersion: '2024-10-21' });
  });

  it('reads an Azure deployment with its api-version', () => {
    const c = parseModelConfig({
      CAIRN_MODEL: 'azure',
      CAIRN_MODEL_URL: 'https://x.openai.azure.com',
      CAIRN_MODEL_KEY: 'k',
      CAIRN_MODEL_NAME: 'dep',
      CAIRN_MODEL_API_VERSION: '2025-01-01-preview',
      CAIRN_MODEL_BUDGET_MS: '800',
    });
    expect(c).toMatchObject({ kind: 'azure', name: 'dep', apiVersion: '2025-01-01-preview', budgetMs: 800 });
  });

  it.each([
    [{ CAIRN_MODEL: 'gpt' }, /CAIRN_MODEL must be/],
    [{ CAIRN_MODEL: 'openai', CAIRN_MODEL_KEY: 'k', CAIRN_MODEL_NAME: 'm' }, /CAIRN_MODEL_URL is required/],
    [
      { CAIRN_MODEL: 'openai', CAIRN_MODEL_URL: 'ftp://x', CAIRN_MODEL_KEY: 'k', CAIRN_MODEL_NAME: 'm' },
      /http\(s\) URL/,
    ],
    [{ CAIRN_MODEL_BUDGET_MS: '-5' }, /CAIRN_MODEL_BUDGET_MS must be an integer ≥ 1/],
  ])('fails fast on %j', (env, message) => {
    expect(() => parseModelConfig(env)).toThrow(ConfigError);
    expect(() => parseModelConfig(env)).toThrow(message);
  });

  it('never echoes the key in an error', () => {
    expect(() =>
      parseModelConfig({ CAIRN_MODEL: 'openai', CAIRN_MODEL_KEY: 'sk-secret', CAIRN_MODEL_NAME: 'm' }),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining('sk-secret') }));
  });
});
