/** SMART App Launch 2.x discovery document (`.well-known/smart-configuration`, SMART §Conformance). */

export const SMART_CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'context-ehr-patient',
  'context-standalone-patient',
  'context-banner',
  'context-style',
  'permission-v1',
  'permission-v2',
  'permission-patient',
  'permission-user',
  'permission-offline',
  'permission-online',
  'sso-openid-connect',
] as const;

/** The discovery document for an auth server mounted at `${origin}${authPath}`. */
export function smartConfiguration(origin: string, authPath = '/auth'): Record<string, unknown> {
  const auth = `${origin}${authPath}`;
  return {
    issuer: auth,
    jwks_uri: `${auth}/jwks.json`,
    authorization_endpoint: `${auth}/authorize`,
    token_endpoint: `${auth}/token`,
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: [
      'openid',
      'fhirUser',
      'profile',
      'launch',
      'launch/patient',
      'offline_access',
      'online_access',
      'patient/*.rs',
      'patient/*.read',
      'user/*.rs',
      'user/*.read',
    ],
    code_challenge_methods_supported: ['S256'],
    capabilities: [...SMART_CAPABILITIES],
  };
}
