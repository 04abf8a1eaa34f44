/**
 * The least scopes Cairn needs (SMART App Launch 2.x, "Scopes and Launch Context"): read/search on the eight
 * resource types the engine reads, the launch context, and the user's identity.
 */
import { ENGINE_RESOURCE_TYPES } from '@reasoning/inputs';

/** Resource types the app reads; the engine needs nothing else. */
export const CLINICAL_TYPES = ENGINE_RESOURCE_TYPES;

/** The parts of `.well-known/smart-configuration` the launch decides on. */
export interface SmartConfiguration {
  capabilities: string[];
  codeChallengeMethods: string[];
  scopesSupported: string[];
}

export interface ScopeRequest {
  config: SmartConfiguration;
  /** EHR launch (a `launch` parameter arrived) or standalone. */
  ehrLaunch: boolean;
}

/**
 * v2 servers advertise `permission-v2` and get `patient/X.rs`; others get the SMART v1 form `patient/X.read`.
 * EHR launch asks for `launch`; standalone asks for `launch/patient` so the server makes the user pick a patient.
 * `online_access` only when the server offers it (`permission-online` or listed in `scopes_supported`): EHR access
 * tokens live about ten minutes, and a refresh token bound to the user's session outlives that without a relaunch.
 */
export function buildScope({ config, ehrLaunch }: ScopeRequest): string {
  const v2 = config.capabilities.includes('permission-v2');
  const clinical = CLINICAL_TYPES.map((type) => `patient/${type}.${v2 ? 'rs' : 'read'}`);
  const context = ehrLaunch ? ['launch'] : ['launch/patient'];
  const online = config.capabilities.includes('permission-online') || config.scopesSupported.includes('online_access');
  const refresh = online ? ['online_access'] : [];
  return [...context, 'openid', 'fhirUser', ...refresh, ...clinical].join(' ');
}

/**
 * The administrator's scopes (CAIRN_APP_SCOPES), with the launch-context scope this launch needs when they lack it:
 * `launch` for an EHR launch, `launch/patient` for a standalone one (the other one is dropped: it would be ignored
 * or refused).
 */
export function configuredScope(scopes: string, ehrLaunch: boolean): string {
  const [wanted, other] = ehrLaunch ? ['launch', 'launch/patient'] : ['launch/patient', 'launch'];
  const rest = scopes.split(/\s+/).filter((s) => s !== '' && s !== wanted && s !== other);
  return [wanted, ...rest].join(' ');
}

/**
 * PKCE: SMART 2.x servers SHALL support S256, so require it there and when advertised; tolerate v1 servers
 * that do not advertise it (fhirclient then sends no challenge).
 */
export function choosePkceMode(config: SmartConfiguration): 'required' | 'ifSupported' {
  return config.codeChallengeMethods.includes('S256') || config.capabilities.includes('permission-v2')
    ? 'required'
    : 'ifSupported';
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Reads the fields we use from a smart-configuration document (input is unknown until parsed). */
export function parseSmartConfiguration(body: unknown): SmartConfiguration {
  const doc = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return {
    capabilities: asStrings(doc.capabilities),
    codeChallengeMethods: asStrings(doc.code_challenge_methods_supported),
    scopesSupported: asStrings(doc.scopes_supported),
  };
}
