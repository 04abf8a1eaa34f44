/** Real `openai` clients pointed at the stub server (no mocking of our modules). */
import OpenAI, { AzureOpenAI } from 'openai';
import { chatFromClient, type HostedChat } from '../../../../hooks-service/model/chat-client';
import { parseModelConfig, type ModelConfig } from '../../../../hooks-service/model/config';

export const STUB_KEY = 'stub-key-not-secret';

export function openAiChat(stubUrl: string, model = 'stub-model'): HostedChat {
  return chatFromClient(new OpenAI({ baseURL: `${stubUrl}/v1`, apiKey: STUB_KEY, maxRetries: 0 }), model, 'openai');
}

export function azureChat(stubUrl: string, deployment = 'cairn-dep'): HostedChat {
  const client = new AzureOpenAI({
    endpoint: stubUrl,
    apiKey: STUB_KEY,
    deployment,
    apiVersion: '2024-10-21',
    maxRetries: 0,
  });
  return chatFromClient(client, deployment, 'azure');
}

export function openAiConfig(stubUrl: string, extra: Record<string, string> = {}): ModelConfig {
  return parseModelConfig({
    CAIRN_MODEL: 'openai',
    CAIRN_MODEL_URL: `${stubUrl}/v1`,
    CAIRN_MODEL_KEY: STUB_KEY,
    CAIRN_MODEL_NAME: 'stub-model',
    ...extra,
  });
}
