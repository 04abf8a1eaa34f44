/**
 * A local OpenAI-compatible chat-completions server for tests, on 127.0.0.1 and a free port. Serves
 * `/v1/chat/completions` (OpenAI style, Bearer key), `/openai/v1/chat/completions` (Azure OpenAI/v1, Bearer key
 * or Entra token) and `/openai/deployments/{d}/chat/completions?api-version=` (Azure style, `api-key` header or
 * Entra token). It can play a model without strict structured output (`supports`), demand a bearer token
 * (`bearer`), and answer as Azure's content filter does. Each request takes the next scripted behaviour (then
 * the default one) and is recorded, so tests can inspect exactly what a hosted model would have received.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  | 'good'
  | 'invented-citations'
  | 'invented-dose'
  | 'invalid-json'
  | 'empty'
  | 'stall'
  | 'content-filter'
  | 'filtered-completion'
  | 429
  | 500;

/** The strongest output format the played model accepts; stronger `response_format`s are refused. */
export type Supports = 'json_schema' | 'json_object' | 'text';

export interface RecordedRequest {
  url: string;
  headers: IncomingMessage['headers'];
  /** Raw request body as received on the wire. */
  raw: string;
  body: { model?: string; messages?: { role: string; content: string }[]; response_format?: { type?: string } };
}

export interface StubModelServer {
  url: string;
  requests: RecordedRequest[];
  /** Behaviours for the next requests, in order. */
  script: Behaviour[];
  fallback: Behaviour;
  stallMs: number;
  supports: Supports;
  /** When set, every request must carry `Authorization: Bearer <a token this accepts>`, else 401. */
  bearer: ((token: string) => boolean) | undefined;
  close(): Promise<void>;
}

interface PayloadIds {
  findings: { id: string; evidence: string[]; citations: string[] }[];
}

/** Reads the minimized payload back out of the user message (as a model would). */
function payloadOf(body: RecordedRequest['body']): PayloadIds {
  const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
  return JSON.parse(user.slice(user.indexOf('{'))) as PayloadIds;
}

function answerFor(behaviour: Behaviour, body: RecordedRequest['body']): string {
  if (behaviour === 'invalid-json') return '{"assessment": {"text": "cut off';
  if (behaviour === 'empty' || behaviour === 'filtered-completion') return '';
  const f = payloadOf(body).findings[0] ?? { id: 'F1', evidence: [], citations: ['C1'] };
  const claim = (text: string, evidence = [f.id, ...f.evidence], citations = f.citations) => ({
    text,
    evidence,
    citations,
  });
  const invented = behaviour === 'invented-citations';
  return JSON.stringify({
    assessment: claim('Interacting anticoagulant and NSAID raise bleeding risk.'),
    considerations: [
      { kind: 'next-step', ...claim('Review whether the NSAID is needed; prefer paracetamol for pain.') },
      { kind: 'monitoring', ...claim('Check INR and look for bleeding signs.', invented ? ['R999'] : undefined) },
      {
        kind: 'risk',
        ...claim(
          behaviour === 'invented-dose' ? 'Reduce warfarin to 2.5 mg.' : 'GI bleeding risk is higher at older age.',
          undefined,
          invented ? ['C99'] : undefined,
        ),
      },
    ],
  });
}

function completion(content: string, model: string, finishReason = 'stop'): string {
  return JSON.stringify({
    id: 'chatcmpl-stub',
    object: 'chat.completion',
    created: 0,
    model: `${model}-2026-01-01`,
    choices: [
      { index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: finishReason, logprobs: null },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
}

function isKnownRoute(url: string): boolean {
  return (
    url === '/v1/chat/completions' ||
    url === '/openai/v1/chat/completions' ||
    /^\/openai\/deployments\/[^/]+\/chat\/completions\?api-version=[^&]+/.test(url)
  );
}

/** Azure's answer when the prompt trips the content filter (HTTP 400, code content_filter). */
const CONTENT_FILTER_ERROR = JSON.stringify({
  error: {
    message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
    type: null,
    param: 'prompt',
    code: 'content_filter',
    status: 400,
    innererror: {
      code: 'ResponsibleAIPolicyViolation',
      content_filter_result: { self_harm: { filtered: true, severity: 'medium' } },
    },
  },
});

/** What a model refuses to do with `response_format`, worded as real endpoints word it (OpenAI 400, Foundry 422). */
function formatRefusal(supports: Supports, asked: string | undefined): [number, string] | undefined {
  if (!asked || asked === 'text') return undefined;
  if (supports === 'json_schema' || (supports === 'json_object' && asked === 'json_object')) return undefined;
  if (supports === 'json_object') {
    return [
      400,
      JSON.stringify({
        error: {
          message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
          type: 'invalid_request_error',
          param: 'response_format',
          code: null,
        },
      }),
    ];
  }
  return [
    422,
    JSON.stringify({
      error: {
        code: 'Invalid input',
        status: 422,
        message: 'invalid input error',
        details: [{ type: 'extra_forbidden', loc: ['body', 'response_format'], msg: 'Extra inputs are not permitted' }],
      },
    }),
  ];
}

function bearerOf(req: IncomingMessage): string {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7) : '';
}

export async function startStubModelServer(
  options: { fallback?: Behaviour; stallMs?: number } = {},
): Promise<StubModelServer> {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const stub: Omit<StubModelServer, 'url' | 'close'> = {
    requests: [],
    script: [],
    fallback: options.fallback ?? 'good',
    stallMs: options.stallMs ?? 10_000,
    supports: 'json_schema',
    bearer: undefined,
  };
  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = req.url ?? '';
    if (req.method !== 'POST' || !isKnownRoute(url)) return void res.writeHead(404).end();
    const body = JSON.parse(raw) as RecordedRequest['body'];
    stub.requests.push({ url, headers: req.headers, raw, body });
    const send = (status: number, text: string) =>
      void res.writeHead(status, { 'content-type': 'application/json' }).end(text);
    if (stub.bearer && !stub.bearer(bearerOf(req))) {
      return send(
        401,
        JSON.stringify({
          error: {
            code: 'PermissionDenied',
            message: 'Access token is missing, invalid, audience is incorrect, or have expired.',
          },
        }),
      );
    }
    const refused = formatRefusal(stub.supports, body.response_format?.type);
    if (refused) return send(...refused);
    const behaviour = stub.script.shift() ?? stub.fallback;
    if (typeof behaviour === 'number') return send(behaviour, JSON.stringify({ error: { message: 'stub failure' } }));
    if (behaviour === 'content-filter') return send(400, CONTENT_FILTER_ERROR);
    const content = answerFor(behaviour === 'stall' ? 'good' : behaviour, body);
    // A text-only model tends to wrap its JSON in prose and a fence; the adapter must still find the one object.
    const asText =
      stub.supports === 'text' && behaviour === 'good'
        ? `Here is the assessment:\n\`\`\`json\n${content}\n\`\`\``
        : content;
    const ok = () =>
      send(
        200,
        completion(asText, body.model ?? 'stub', behaviour === 'filtered-completion' ? 'content_filter' : 'stop'),
      );
    if (behaviour !== 'stall') return ok();
    const t = setTimeout(() => {
      timers.delete(t);
      ok();
    }, stub.stallMs);
    timers.add(t);
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      raw += c;
    });
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
