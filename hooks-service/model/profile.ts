/** The log- and probe-safe view of the model set-up: what kind, which route, which auth, which output mode. */
import type { NarrativeService } from './narrative-service';

export interface ModelStatus {
  kind: 'embedded' | 'hosted';
  vendor?: 'openai' | 'azure';
  route?: 'v1' | 'deployments';
  auth?: 'key' | 'entra';
  /** The output mode the next call uses, and whether a refusal taught it (vs. configured or the default). */
  output?: { mode: string; setting: string; learned: boolean };
}

/** No URL, deployment name, key or token: /readyz is unauthenticated. */
export function describeProfile(service: Pick<NarrativeService, 'info' | 'profile'>): ModelStatus {
  const p = service.profile;
  if (!p) return { kind: 'embedded' };
  return {
    kind: 'hosted',
    vendor: p.vendor,
    auth: p.auth,
    ...(p.route ? { route: p.route } : {}),
    output: { mode: p.output.mode, setting: p.output.setting, learned: p.output.learned },
  };
}
