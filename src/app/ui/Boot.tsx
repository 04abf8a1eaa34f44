/** Completes the SMART launch (fhirclient ready()) and shows the app, or the screen for what went wrong. */
import { useEffect, useState } from 'preact/hooks';
import { classifyLaunchError, type ProblemKind } from '../data/errors';
import { fromSmartClient, type FhirSession } from '../data/session';
import { readOAuthError, type OAuthRedirectError } from '../smart/oauth-error';
import type { SmartApi } from '../smart/smart-api';
import type { RunEngine } from '../state/use-record';
import { App } from './App';
import { ProblemScreen } from './Status';

export interface BootProps {
  smart: Pick<SmartApi, 'ready'>;
  loadEngine: () => Promise<RunEngine>;
  fetchImpl: typeof fetch;
  now: () => string;
  /** The page URL the authorization server redirected to; defaults to this window's. */
  pageUrl?: string;
}

type BootState =
  | { status: 'starting' }
  | { status: 'ready'; session: FhirSession }
  | { status: 'failed'; kind: ProblemKind; oauth?: OAuthRedirectError };

export function Boot({ smart, loadEngine, fetchImpl, now, pageUrl }: BootProps) {
  const [state, setState] = useState<BootState>({ status: 'starting' });
  useEffect(() => {
    // RFC 6749 §4.1.2.1: an error redirect carries `error` instead of `code`; show it rather than call fhirclient.
    const oauth = readOAuthError(pageUrl ?? location.href);
    if (oauth) {
      setState({
        status: 'failed',
        kind: oauth.code === 'access_denied' ? 'consent-denied' : 'authorization-error',
        oauth,
      });
      return;
    }
    smart.ready().then(
      (client) => {
        const session = fromSmartClient(client);
        setState(session.patientId ? { status: 'ready', session } : { status: 'failed', kind: 'no-patient' });
      },
      (error: unknown) => setState({ status: 'failed', kind: classifyLaunchError(error) }),
    );
  }, [smart, pageUrl]);
  switch (state.status) {
    case 'starting':
      return (
        <main>
          <p role="status">Signing in…</p>
        </main>
      );
    case 'failed':
      return <ProblemScreen kind={state.kind} oauth={state.oauth} />;
    case 'ready':
      // Keyed by launch: a new session never inherits the state of the one before.
      return (
        <App
          key={`${state.session.serverUrl}|${state.session.patientId}`}
          session={state.session}
          loadEngine={loadEngine}
          fetchImpl={fetchImpl}
          now={now}
        />
      );
  }
}
