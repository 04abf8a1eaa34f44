/** Analytics settings from the CAIRN_ADMIN_TOKEN and CAIRN_OVERRIDE_ALERT_* variables (env.ts), parsed once at start. */
import { readEnv, type RawEnv } from '../env';

export interface AnalyticsConfig {
  /** Bearer token for `GET /api/analytics` and the admin page; undefined = those routes answer 404. */
  adminToken?: string;
  /** Override rate above which a rule is flagged (0–1). */
  alertRate: number;
  /** Fewest feedback responses (accepted + overridden) before a rate is trusted enough to flag. */
  alertMinCount: number;
}

/** Reads CAIRN_ADMIN_TOKEN (at least 16 characters: a guessable token is worse than none), CAIRN_OVERRIDE_ALERT_RATE and _MIN. */
export function analyticsConfigFromEnv(env: RawEnv): AnalyticsConfig {
  const e = readEnv(env);
  return {
    ...(e.CAIRN_ADMIN_TOKEN !== undefined && { adminToken: e.CAIRN_ADMIN_TOKEN }),
    alertRate: e.CAIRN_OVERRIDE_ALERT_RATE,
    alertMinCount: e.CAIRN_OVERRIDE_ALERT_MIN,
  };
}
