/** Analytics settings from the environment (README, "Configuration"), parsed once at start, failing fast. */

export interface AnalyticsConfig {
  /** Bearer token for `GET /api/analytics` and the admin page; undefined = those routes answer 404. */
  adminToken?: string;
  /** CAIRN_ADMIN_TOKEN_PREVIOUS: still accepted while a rotation is under way; only together with adminToken. */
  previousAdminToken?: string;
  /** Override rate above which a rule is flagged (0–1). */
  alertRate: number;
  /** Fewest feedback responses (accepted + overridden) before a rate is trusted enough to flag. */
  alertMinCount: number;
}

// Drug-safety alerts are overridden in 49–96 % of cases (van der Sijs et al., JAMIA 2006;13(2):138-47) and DDI
// alerts about 90 % (Phansalkar et al., JAMIA 2013): above 0.9 a rule is mostly noise to the clinicians who see it.
export const DEFAULT_ALERT_RATE = 0.9;
export const DEFAULT_ALERT_MIN_COUNT = 10;

function parseNumber(name: string, raw: string | undefined, fallback: number, valid: (n: number) => boolean): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!valid(value)) throw new Error(`${name} is not valid: ${raw}`);
  return value;
}

function parseToken(name: string, raw: string | undefined): string | undefined {
  const token = raw?.trim();
  if (token === undefined || token === '') return undefined;
  // A guessable admin token is worse than none: it exposes which rules fire for which services.
  if (token.length < 16) throw new Error(`${name} must be at least 16 characters`);
  return token;
}

/** Reads CAIRN_ADMIN_TOKEN, CAIRN_ADMIN_TOKEN_PREVIOUS, CAIRN_OVERRIDE_ALERT_RATE and CAIRN_OVERRIDE_ALERT_MIN. */
export function analyticsConfigFromEnv(env: Readonly<Record<string, string | undefined>>): AnalyticsConfig {
  const token = parseToken('CAIRN_ADMIN_TOKEN', env.CAIRN_ADMIN_TOKEN);
  const previous = parseToken('CAIRN_ADMIN_TOKEN_PREVIOUS', env.CAIRN_ADMIN_TOKEN_PREVIOUS);
  // Rotation is "new token in CAIRN_ADMIN_TOKEN, old one here until every client has the new one"; an old token
  // alone would keep the admin routes open on a token the administrator meant to retire.
  if (previous !== undefined && token === undefined) throw new Error('CAIRN_ADMIN_TOKEN_PREVIOUS is set without CAIRN_ADMIN_TOKEN: set the new token there');
  if (previous !== undefined && previous === token) throw new Error('CAIRN_ADMIN_TOKEN_PREVIOUS equals CAIRN_ADMIN_TOKEN: put the new token in CAIRN_ADMIN_TOKEN');
  return {
    ...(token ? { adminToken: token } : {}),
    ...(previous ? { previousAdminToken: previous } : {}),
    alertRate: parseNumber('CAIRN_OVERRIDE_ALERT_RATE', env.CAIRN_OVERRIDE_ALERT_RATE, DEFAULT_ALERT_RATE, (n) => n > 0 && n <= 1),
    alertMinCount: parseNumber('CAIRN_OVERRIDE_ALERT_MIN', env.CAIRN_OVERRIDE_ALERT_MIN, DEFAULT_ALERT_MIN_COUNT, (n) => Number.isInteger(n) && n >= 1),
  };
}
