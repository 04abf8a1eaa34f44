/**
 * The prompt for hosted models. Server-side only (docs/architecture.md, "Layers": prompts never reach the browser). The model sees
 * only the minimized payload; the schema and the validator, not this text, are what enforce grounding.
 */
import type { ModelPayload } from '@model/minimize';
import { REASONING_JSON_SCHEMA } from '@model/output/schema';

export const SYSTEM_PROMPT = [
  'You assist a clinician reviewing a patient record inside an EHR. You receive a de-identified summary',
  '(ages and "days ago" instead of dates) and the findings and scores of a deterministic, cited rule engine.',
  'Write a short assessment and at most 6 ranked considerations (differential, next steps, risks, monitoring).',
  'Rules:',
  '- Use only the data given. Every claim lists the ids it rests on in "evidence" (R…, F…, S… ids from the input)',
  '  and at least one source in "citations" (C… ids from the input). Claims without both are discarded.',
  '- Never state a drug dose, a code or a lab value that is not in the input.',
  "- Do not contradict or re-rank the engine's critical findings; do not say that anything is safe or normal",
  '  when the input has no data about it.',
  '- You support, not replace, clinical judgement. Be brief and concrete.',
].join('\n');

/** The user message: the payload as JSON, nothing else (no names, ids or dates are in it). */
export function buildUserMessage(payload: ModelPayload): string {
  return `Patient summary and engine output (JSON):\n${JSON.stringify(payload)}`;
}

/**
 * For models without strict structured output (json_object or plain text): the shape, stated in the prompt. The
 * wording includes "JSON", which json_object mode requires; the validator, not the model, enforces the schema.
 */
export function schemaInstruction(): string {
  return [
    'Answer with exactly one JSON object and nothing else (no prose, no code fence), matching this JSON Schema:',
    JSON.stringify(REASONING_JSON_SCHEMA),
  ].join('\n');
}
