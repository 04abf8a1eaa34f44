/** The standalone-launch consent page: pick the user and (for `launch/patient`) the patient, then allow or deny. */
import { createHash } from 'node:crypto';
import type { AuthorizeRequest, Query } from './authorize-request';

export interface PickerOption {
  id: string;
  label: string;
  detail?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f4f6f8;color:#1c2733}
main{max-width:640px;margin:0 auto;padding:24px 16px}
h1{font-size:20px;margin:0 0 4px}p.lead{margin:0 0 20px;color:#4a5a6a}
fieldset{border:1px solid #d5dce3;border-radius:8px;background:#fff;margin:0 0 16px;padding:8px 12px 12px}
legend{font-weight:600;padding:0 4px}
label.choice{display:flex;gap:10px;align-items:flex-start;padding:8px 4px;border-bottom:1px solid #eef1f4;cursor:pointer}
label.choice:last-child{border-bottom:0}.detail{display:block;color:#5b6b7b;font-size:13px}
.scopes{font:13px ui-monospace,monospace;color:#334;word-break:break-word;margin:0 0 16px}
.asks{margin:0 0 8px;padding-left:20px}
.actions{display:flex;gap:12px;position:sticky;bottom:0;background:#f4f6f8;padding:12px 0}
button{font:inherit;padding:10px 20px;border-radius:6px;border:1px solid #1d5fa8;cursor:pointer}
button.allow{background:#1d5fa8;color:#fff}button.deny{background:#fff;color:#1d5fa8}
.error{background:#fdecea;border:1px solid #e0a39c;padding:8px 12px;border-radius:6px;margin-bottom:16px}`;

/** CSP source for the page's one inline style block, so the page needs neither 'unsafe-inline' nor a stylesheet. */
export const PICKER_STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function hidden(query: Query): string {
  const keep = [
    'response_type',
    'client_id',
    'redirect_uri',
    'scope',
    'state',
    'aud',
    'code_challenge',
    'code_challenge_method',
    'launch',
    'nonce',
  ];
  return keep
    .filter((k) => query[k] !== undefined)
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(query[k] ?? '')}">`)
    .join('');
}

function choices(name: string, options: readonly PickerOption[]): string {
  return options
    .map(
      (
        o,
        i,
      ) => `<label class="choice"><input type="radio" name="${name}" value="${escapeHtml(o.id)}"${i === 0 && name === 'user' ? ' checked' : ''} required>
<span>${escapeHtml(o.label)}${o.detail ? `<span class="detail">${escapeHtml(o.detail)}</span>` : ''}</span></label>`,
    )
    .join('');
}

const CONTEXT_SCOPES: Record<string, string> = {
  openid: 'know who you are',
  fhirUser: 'know who you are',
  profile: 'know who you are',
  launch: 'open in the current chart',
  'launch/patient': 'let you choose a patient',
  online_access: 'stay signed in while you work',
  offline_access: 'stay signed in after you leave',
};

/** Plain-language lines for the requested scopes (read-only data grouped by type). */
export function describeScopes(scope: string): string[] {
  const lines = new Set<string>();
  const types: string[] = [];
  for (const item of scope.split(/\s+/).filter(Boolean)) {
    const m = /^(patient|user|system)\/([A-Za-z*]+)\.([a-z*]+)/.exec(item);
    if (m) types.push(m[2] === '*' ? 'all record types' : (m[2] ?? ''));
    else if (CONTEXT_SCOPES[item]) lines.add(CONTEXT_SCOPES[item] ?? item);
  }
  if (types.length > 0) lines.add(`read ${types.join(', ')}`);
  return [...lines];
}

export interface PickerPageInput {
  request: AuthorizeRequest;
  query: Query;
  users: readonly PickerOption[];
  patients: readonly PickerOption[];
  needsPatient: boolean;
  error?: string;
}

export function renderPickerPage(input: PickerPageInput): string {
  const { request, query, users, patients, needsPatient, error } = input;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Authorize app — Cairn demo EHR</title><style>${STYLE}</style></head><body><main>
<h1>Authorize ${escapeHtml(request.clientId)}</h1>
<p class="lead">Demo EHR sign-in. This app asks to:</p>
<ul class="asks">${describeScopes(request.scope)
    .map((l) => `<li>${escapeHtml(l)}</li>`)
    .join('')}</ul>
<details class="scopes"><summary>Exact scopes</summary>${escapeHtml(request.scope)}</details>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="authorize">${hidden(query)}
<fieldset><legend>Signed in as</legend>${choices('user', users)}</fieldset>
${needsPatient ? `<fieldset><legend>Patient</legend>${choices('patient', patients)}</fieldset>` : ''}
<div class="actions"><button class="allow" name="decision" value="allow">Allow</button>
<button class="deny" name="decision" value="deny" formnovalidate>Deny</button></div>
</form></main></body></html>`;
}
