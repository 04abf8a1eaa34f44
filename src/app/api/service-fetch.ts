/**
 * The app calls its service by path (`/api/...`). Where the deployment names another service URL
 * (CAIRN_APP_SERVICE_URL), those paths go there; absolute URLs (the FHIR server, the EHR's style sheet) are untouched.
 */
export function serviceFetch(serviceUrl: string | undefined, fetchImpl: typeof fetch): typeof fetch {
  if (serviceUrl === undefined) return fetchImpl;
  return (input, init) =>
    fetchImpl(typeof input === 'string' && input.startsWith('/') ? `${serviceUrl}${input}` : input, init);
}
