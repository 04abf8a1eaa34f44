/**
 * "Never a 5xx for bad input": every element of valid service and feedback calls (outside the bulky prefetch)
 * replaced in turn by values of the wrong JSON type. Each answer must be 200, 400 or 412 — a status the spec or
 * HTTP defines for the caller's input — and a 200 must still be a valid CDS Hooks response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OSEL, OSIGN, orderSelect, orderSign, postJson, startService, type RunningService } from './harness';
import { responseViolations } from './spec-checks';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
});

const ODD: unknown[] = [null, 0, -1.5, 'x', '', true, [], [null], {}, { resourceType: 'Bundle' }];

/** JSON paths of every element down to `depth`, skipping prefetch (its values are whole FHIR bundles). */
function paths(value: unknown, depth: number, at: (string | number)[] = []): (string | number)[][] {
  if (depth === 0 || typeof value !== 'object' || value === null) return [at];
  const keys = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value).filter((k) => !(at.length === 0 && k === 'prefetch'));
  return [at, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], depth - 1, [...at, k]))];
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const copy: Record<string | number, unknown> = Array.isArray(value)
    ? ([...value] as unknown as Record<number, unknown>)
    : { ...(value as object) };
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = replaced(copy[head], rest, by);
  return copy;
}

async function probe(url: string, valid: unknown, depth: number): Promise<string[]> {
  const bad: string[] = [];
  const all = paths(valid, depth);
  expect(all.length, 'elements probed').toBeGreaterThan(8);
  for (const path of all) {
    for (const by of ODD) {
      const res = await postJson(svc, url, replaced(valid, path, by));
      const ok =
        [200, 400, 412].includes(res.status) &&
        (res.status !== 200 || responseViolations(res.json).length === 0 || url.endsWith('/feedback'));
      if (!ok) bad.push(`${res.status} at ${path.join('.') || '$'} = ${JSON.stringify(by)}`);
    }
  }
  return bad;
}

describe('wrong JSON types anywhere in a call', () => {
  it('never make an order-sign or order-select call fail with a 5xx', async () => {
    expect(await probe(OSIGN, orderSign(), 7)).toEqual([]);
    expect(await probe(OSEL, orderSelect(), 4)).toEqual([]);
  });

  it('never make a feedback call fail with a 5xx', async () => {
    const item = {
      card: crypto.randomUUID(),
      outcome: 'overridden',
      overrideReason: { reason: { code: 'c', system: 's' }, userComment: 'x' },
      outcomeTimestamp: '2021-04-01T12:00:00Z',
    };
    expect(await probe(`${OSIGN}/feedback`, { feedback: [item] }, 5)).toEqual([]);
  });
});
