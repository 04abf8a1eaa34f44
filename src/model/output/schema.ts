/**
 * The JSON schema a hosted model must answer in (OpenAI structured outputs, `response_format: json_schema`
 * with `strict: true`: every property required, no additional properties), and its parser. The parser is the
 * authority: a server that ignores the schema is still checked here.
 */
import type { ConsiderationKind } from '../types';

export const CONSIDERATION_KINDS: readonly ConsiderationKind[] = ['differential', 'next-step', 'risk', 'monitoring'];

const claim = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'evidence', 'citations'],
  properties: {
    text: { type: 'string', description: 'One or two sentences, plain language, no new doses or codes.' },
    evidence: { type: 'array', items: { type: 'string' }, description: 'Ids (R…, F…, S…) from the input.' },
    citations: { type: 'array', items: { type: 'string' }, description: 'Citation ids (C…) from the input.' },
  },
} as const;

export const REASONING_SCHEMA_NAME = 'cairn_reasoning';

export const REASONING_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['assessment', 'considerations'],
  properties: {
    assessment: claim,
    considerations: {
      type: 'array',
      description: 'Ranked, most important first; at most 6.',
      items: {
        ...claim,
        required: ['kind', ...claim.required],
        properties: { kind: { type: 'string', enum: [...CONSIDERATION_KINDS] }, ...claim.properties },
      },
    },
  },
} as const;

export interface RawClaim {
  text: string;
  evidence: string[];
  citations: string[];
}

export interface RawOutput {
  assessment: RawClaim;
  considerations: (RawClaim & { kind: ConsiderationKind })[];
  /** Considerations that failed the schema (dropped, counted). */
  malformed: number;
}

export const MAX_CONSIDERATIONS = 6;
const MAX_TEXT = 600;

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function parseClaim(v: unknown): RawClaim | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const text = typeof o['text'] === 'string' ? o['text'].trim() : '';
  if (!text || text.length > MAX_TEXT || !isStringArray(o['evidence']) || !isStringArray(o['citations']))
    return undefined;
  return { text, evidence: o['evidence'], citations: o['citations'] };
}

/** Schema check of the model's JSON; `error` names what was wrong (no model text is echoed). */
export function parseModelOutput(v: unknown): { ok: true; value: RawOutput } | { ok: false; error: string } {
  if (!v || typeof v !== 'object') return { ok: false, error: 'answer is not a JSON object' };
  const o = v as Record<string, unknown>;
  const assessment = parseClaim(o['assessment']);
  if (!assessment) return { ok: false, error: 'assessment missing or malformed' };
  if (!Array.isArray(o['considerations'])) return { ok: false, error: 'considerations missing' };
  const considerations: RawOutput['considerations'] = [];
  let malformed = 0;
  for (const item of o['considerations'].slice(0, MAX_CONSIDERATIONS)) {
    const c = parseClaim(item);
    const kind = (item as Record<string, unknown> | null)?.['kind'];
    if (!c || !CONSIDERATION_KINDS.includes(kind as ConsiderationKind)) {
      malformed++;
      continue;
    }
    considerations.push({ ...c, kind: kind as ConsiderationKind });
  }
  return { ok: true, value: { assessment, considerations, malformed } };
}
