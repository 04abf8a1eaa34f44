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
  let params: URLSearchParams;
  try {
    params = new URL(pageUrl).searchParams;
  } catch {
    return undefined;
  }
  const code = params.get('error');
  if (!code) return undefined;
  const description = params.get('error_description') ?? undefined;
  const rawUri = params.get('error_uri');
  let uri: string | undefined;
  try {
    if (rawUri && new URL(rawUri).protocol === 'https:') uri = rawUri;
  } catch {
    uri = undefined;
  }
  return { code, description, uri };
}
