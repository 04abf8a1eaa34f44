/**
 * Reads an authorization error off the redirect URL. RFC 6749 §4.1.2.1: a server that refuses or fails an
 * authorization request redirects back with `error`, optional `error_description` and `error_uri`, and `state`.
 * fhirclient does not surface these, so the app checks for them before calling ready().
 */
export interface OAuthRedirectError {
  code: string;
  description?: string;
  /** Only kept when https: the value comes from a URL anyone can craft. */
  uri?: string;
}

export function readOAuthError(pageUrl: string): OAuthRedirectError | undefined {
  const params = parseUrl(pageUrl)?.searchParams;
  const code = params?.get('error');
  if (!params || !code) return undefined;
  const rawUri = params.get('error_uri');
  const uri = rawUri && parseUrl(rawUri)?.protocol === 'https:' ? rawUri : undefined;
  return { code, description: params.get('error_description') ?? undefined, uri };
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
