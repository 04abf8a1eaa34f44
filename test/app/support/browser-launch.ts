/**
 * Drives a SMART launch the way a browser would, against real servers: the page runs real fhirclient (through
 * createSmartApi), and the "browser" follows the authorization server's redirects and submits its consent form.
 */
import { request } from 'node:http';
import { createSmartApi } from '../../../src/app/smart/smart-api';

/**
 * A fetch over node:http for the "browser" side of these tests: happy-dom's own fetch logs every manual redirect
 * and refused connection to the console. Plain http only (the test servers listen on 127.0.0.1).
 */
export const nodeFetch = ((input: RequestInfo | URL, init: RequestInit = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const req = request(url, { method: init.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const responseHeaders = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') responseHeaders.set(k, v);
        resolve(
          new Response(Buffer.concat(chunks).toString('utf8'), {
            status: res.statusCode ?? 0,
            headers: responseHeaders,
          }),
        );
      });
    });
    req.on('error', reject);
    if (typeof init.body === 'string') req.write(init.body);
    req.end();
  })) as typeof fetch;

/** Points the happy-dom window at `url` (fhirclient rewrites history on it) and returns a SMART API for it. */
export function openPage(url: string, onRedirect: (to: string) => void = () => undefined) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  return createSmartApi({ url, redirect: onRedirect });
}

/** GET without following redirects; resolves to the Location header (or the body when there is none). */
export async function follow(
  url: string,
  init: RequestInit = {},
): Promise<{ location?: string; status: number; body: string }> {
  const res = await nodeFetch(url, init);
  const location = res.headers.get('location') ?? undefined;
  return { status: res.status, body: await res.text(), ...(location ? { location } : {}) };
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Submits the consent page's form (its hidden fields plus our choices) as the browser would. */
export async function submitConsent(authorizeUrl: string, pickerHtml: string, choices: Record<string, string>) {
  const fields = new URLSearchParams();
  for (const m of pickerHtml.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.set(m[1] ?? '', unescapeHtml(m[2] ?? ''));
  }
  for (const [k, v] of Object.entries(choices)) fields.set(k, v);
  return follow(new URL(authorizeUrl).origin + new URL(authorizeUrl).pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
  });
}

/** Runs `authorize` on the launch page and returns the URL fhirclient sent the browser to. */
export async function authorizeFrom(
  launchUrl: string,
  authorize: (smart: ReturnType<typeof openPage>) => Promise<unknown>,
): Promise<string> {
  let to = '';
  const smart = openPage(launchUrl, (u) => void (to = u));
  await authorize(smart);
  return to;
}
