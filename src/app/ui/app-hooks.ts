/** The App's side effects, one hook each: model narrative, session lifetime, EHR style, evidence lookup. */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { fetchNarrative, type NarrativeState } from '../api/narrative';
import type { FhirSession } from '../data/session';
import { applySmartStyle } from '../smart/smart-style';
import type { OpenResource, Resolve } from './Evidence';

/** Asks the service for the narrative once per session; the findings never wait on it. */
export function useNarrative(
  session: FhirSession,
  fetchImpl: typeof fetch,
  timeoutMs: number | undefined,
): NarrativeState {
  const [state, setState] = useState<NarrativeState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void session
      .accessToken()
      .then((token) =>
        fetchNarrative({ fetchImpl, token, fhirServer: session.serverUrl, patientId: session.patientId, timeoutMs }),
      )
      .then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [session, fetchImpl, timeoutMs]);
  return state;
}

/** False once the token has expired and could not be refreshed: what is shown stays, but cannot be updated. */
export function useSessionAlive(session: FhirSession, intervalMs: number): boolean {
  const [alive, setAlive] = useState(true);
  useEffect(() => {
    const timer = setInterval(
      () => void session.accessToken().then((token) => setAlive(token !== undefined)),
      intervalMs,
    );
    return () => clearInterval(timer);
  }, [session, intervalMs]);
  return alive;
}

/** Applies the EHR's smart_style_url to the document, when the launch gave one. */
export function useSmartStyle(url: string | undefined, fetchImpl: typeof fetch): void {
  useEffect(() => {
    if (url) void applySmartStyle(url, document.documentElement, fetchImpl);
  }, [url, fetchImpl]);
}

export interface EvidenceDialog {
  resolve: Resolve;
  onOpen: OpenResource;
  open: { reference: string; opener: HTMLElement } | undefined;
  /** Closes the dialog and returns focus to the chip that opened it (WAI-ARIA APG modal dialog pattern). */
  close: () => void;
}

/** Looks resources up by relative reference and tracks which one the evidence dialog shows. */
export function useEvidenceDialog(resources: readonly fhir4.Resource[]): EvidenceDialog {
  const [open, setOpen] = useState<EvidenceDialog['open']>(undefined);
  const byRef = useMemo(() => new Map(resources.map((r) => [`${r.resourceType}/${r.id ?? ''}`, r])), [resources]);
  const resolve = useCallback((reference: string) => byRef.get(reference), [byRef]);
  const onOpen = useCallback<OpenResource>((reference, opener) => setOpen({ reference, opener }), []);
  const close = () => {
    open?.opener.focus();
    setOpen(undefined);
  };
  return { resolve, onOpen, open, close };
}
