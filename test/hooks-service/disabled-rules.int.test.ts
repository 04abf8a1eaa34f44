import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServiceConfig } from '../../hooks-service/config';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { assertValidCdsResponse } from './support/assert-cds-response';
import { startService, type RunningService } from './support/service';
import { draftNaproxen, hookRequest, loadFixture, prefetchFor } from './support/synthea';

const SANDBOX = '{"https://sandbox.cds-hooks.org":"https://sandbox.cds-hooks.org/.well-known/jwks.json"}';
const warfarin = loadFixture('af-warfarin-alzheimers-ebd50853.json');

describe('CAIRN_DISABLED_RULES', () => {
  it('reads a list of registered rule ids', () => {
    const config = parseServiceConfig({
      CDS_TRUSTED_ISSUERS: SANDBOX,
      CAIRN_DISABLED_RULES: 'drug-interactions, duplicate-therapy',
    });
    expect(config.disabledRules).toEqual(['drug-interactions', 'duplicate-therapy']);
  });

  it('refuses to start with a rule family it does not know, naming the known ones', () => {
    expect(() => parseServiceConfig({ CDS_TRUSTED_ISSUERS: SANDBOX, CAIRN_DISABLED_RULES: 'ddi' })).toThrow(
      /CAIRN_DISABLED_RULES names unknown rule families \(ddi\); known: .*drug-interactions/,
    );
  });

  it('switches nothing off by default', () => {
    expect(parseServiceConfig({ CDS_TRUSTED_ISSUERS: SANDBOX }).disabledRules).toEqual([]);
  });
});

describe('a service with drug interactions switched off', () => {
  let on: RunningService;
  let off: RunningService;
  beforeAll(async () => {
    on = await startService();
    off = await startService({ disabledRules: ['drug-interactions'] });
  });
  afterAll(async () => {
    await on.close();
    await off.close();
  });

  const sign = async (svc: RunningService): Promise<CdsResponse> => {
    const res = await svc.post(
      '/cds-services/cairn-order-sign',
      hookRequest('order-sign', warfarin, {
        prefetch: prefetchFor(warfarin),
        drafts: [draftNaproxen(warfarin.patientId)],
      }),
    );
    expect(res.status).toBe(200);
    assertValidCdsResponse(res.body);
    return res.body;
  };
  const interactionCards = (body: CdsResponse) => body.cards.filter((c) => /interaction/i.test(c.source.label));

  it('shows the warfarin + NSAID interaction when the rule is on', async () => {
    expect(interactionCards(await sign(on)).length).toBeGreaterThan(0);
  });

  it('never shows an interaction card when the rule is off', async () => {
    expect(interactionCards(await sign(off))).toEqual([]);
  });
});
