/** Analytics settings from the CAIRN_ADMIN_TOKEN and CAIRN_OVERRIDE_ALERT_* variables (env.ts), parsed once at start. */
import { ConfigError, readEnv, type RawEnv } from '../env';

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

/** Reads CAIRN_ADMIN_TOKEN (at least 16 characters: a guessable token is worse than none), CAIRN_ADMIN_TOKEN_PREVIOUS, CAIRN_OVERRIDE_ALERT_RATE and _MIN. */
export function analyticsConfigFromEnv(env: RawEnv): AnalyticsConfig {
  const e = readEnv(env);
  const token = e.CAIRN_ADMIN_TOKEN;
  const previous = e.CAIRN_ADMIN_TOKEN_PREVIOUS;
  // Rotation is "new token in CAIRN_ADMIN_TOKEN, old one here until every client has the new one"; an old token
  // alone would keep the admin routes open on a token the administrator meant to retire.
  if (previous !== undefined && token === undefined)
    throw new ConfigError('CAIRN_ADMIN_TOKEN_PREVIOUS is set without CAIRN_ADMIN_TOKEN: set the new token there');
  if (previous !== undefined && previous === token)
    throw new ConfigError(
      'CAIRN_ADMIN_TOKEN_PREVIOUS equals CAIRN_ADMIN_TOKEN: put the new token in CAIRN_ADMIN_TOKEN',
    );
  return {
    ...(token !== undefined && { adminToken: token }),
    ...(previous !== undefined && { previousAdminToken: previous }),
    alertRate: e.CAIRN_OVERRIDE_ALERT_RATE,
    alertMinCount: e.CAIRN_OVERRIDE_ALERT_MIN,
  };
}
