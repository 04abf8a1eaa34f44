/**
 * The SMART app's deployment settings, decided by the server that serves the app (CAIRN_APP_* variables) and
 * handed to the built pages in a JSON data block, so one build serves every deployment. A data block
 * (`type="application/json"`) is never executed, so `script-src 'self'` does not have to allow it.
 * Browser-safe: the server writes this shape, the launch page and the app read it.
 */

export interface AppConfig {
  /** The OAuth client id the EHR registered for the app (default `cairn`). */
  clientId: string;
  /** Scopes to ask for instead of the least set derived from the server's smart-configuration; absent = derive. */
  scopes?: string;
  /** Base URL of the Cairn service the app calls for the narrative and feedback; absent = the page's own origin. */
  serviceUrl?: string;
}

export const APP_CONFIG_ELEMENT_ID = 'cairn-config';
export const DEFAULT_APP_CONFIG: AppConfig = { clientId: 'cairn' };

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Reads a config object of unknown shape; anything missing or malformed falls back to the default. */
export function parseAppConfig(value: unknown): AppConfig {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const scopes = text(raw.scopes);
  const serviceUrl = text(raw.serviceUrl);
  return {
    clientId: text(raw.clientId) ?? DEFAULT_APP_CONFIG.clientId,
    ...(scopes !== undefined && { scopes }),
    ...(serviceUrl !== undefined && { serviceUrl: serviceUrl.replace(/\/+$/, '') }),
  };
}

/** The JSON data block for an HTML page; `<`, `>`, `&` and the JS line separators are escaped so no value can end it. */
export function appConfigScriptTag(config: AppConfig): string {
  const json = JSON.stringify(config).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<script id="${APP_CONFIG_ELEMENT_ID}" type="application/json">${json}</script>`;
}

/** The config a page was served with (default when the page came from the Vite dev server, without one). */
export function readAppConfig(doc: Pick<Document, 'getElementById'>): AppConfig {
  const element = doc.getElementById(APP_CONFIG_ELEMENT_ID);
  if (!element?.textContent) return DEFAULT_APP_CONFIG;
  try {
    return parseAppConfig(JSON.parse(element.textContent));
  } catch {
    return DEFAULT_APP_CONFIG;
  }
}
