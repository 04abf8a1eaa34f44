/**
 * The demo EHR's session: which chart is open, the draft orders, the cards on screen and the exchange log.
 * Opening a chart fires patient-view; adding an order fires order-select; signing fires order-sign.
 */
import { useRef, useState } from 'preact/hooks';
import type { CatalogDrug } from '../catalog';
import { draftOrder } from '../catalog';
import type { Chart } from '../chart';
import { api, type HookResult } from './api';
import type { CodingWithDisplay as Coding } from '@cds-hooks/schemas/common';
import type { Suggestion } from '@cds-hooks/schemas/response';
import { cardsOf } from './read-cards';
import type { ShownCard } from './CardView';
import { applyActions, type Draft } from './drafts';
import type { LoggedExchange } from './Inspector';

export function useSession() {
  const [chart, setChart] = useState<Chart | undefined>();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [signed, setSigned] = useState<Draft[]>([]);
  const [cards, setCards] = useState<ShownCard[]>([]);
  const [loading, setLoading] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [log, setLog] = useState<LoggedExchange[]>([]);
  const [serviceUrl, setServiceUrl] = useState('');
  const [awaitingSign, setAwaitingSign] = useState(false);
  const seq = useRef(0);
  const next = (): number => ++seq.current;
  const patientId = chart?.patient.id;

  const record = (label: string, status: number, durationMs: number, request: unknown, response: unknown) =>
    setLog((l) =>
      [{ id: next(), at: new Date().toISOString(), label, status, durationMs, request, response }, ...l].slice(0, 50),
    );

  async function fire(hook: string, pid: string, orders: Draft[], selections?: string[]): Promise<ShownCard[]> {
    setLoading(hook);
    setError(undefined);
    let result: HookResult;
    try {
      result = await api.hook({
        hook,
        patientId: pid,
        draftOrders: orders,
        ...(selections && { selections }),
        ...(serviceUrl && { serviceUrl }),
      });
    } catch {
      setLoading(undefined);
      setError('Decision support could not be reached. You can keep working.');
      return [];
    }
    setLoading(undefined);
    result.calls.forEach((c) =>
      record(`${hook} → ${c.serviceId}`, c.response.status, c.response.durationMs, c.request, c.response.body),
    );
    if (result.calls.some((c) => c.response.status >= 400))
      setError('Decision support answered with an error; see the inspector.');
    const fresh = result.calls.flatMap((c) =>
      cardsOf(c.response.body).map((card) => ({ key: `${next()}`, serviceId: c.serviceId, hook, card })),
    );
    // Order cards are re-evaluated on every order change; chart-review cards stay until the chart closes.
    setCards((old) => [
      ...old.filter((c) => c.hook !== hook && (hook === 'patient-view' || c.hook === 'patient-view')),
      ...fresh,
    ]);
    return fresh;
  }

  async function openPatient(id: string) {
    setDrafts([]);
    setSigned([]);
    setCards([]);
    setAwaitingSign(false);
    setChart(undefined);
    setError(undefined);
    try {
      setChart(await api.chart(id));
    } catch {
      return setError('The chart could not be opened. Try again.');
    }
    await fire('patient-view', id, []);
  }

  function addOrder(drug: CatalogDrug, doseIndex: number) {
    const dose = drug.doses[doseIndex] ?? drug.doses[0];
    if (!patientId || !dose) return;
    const order = draftOrder(drug, dose, patientId, `draft-${next()}`, new Date().toISOString());
    const all = [...drafts, order];
    setDrafts(all);
    setAwaitingSign(false);
    void fire('order-select', patientId, all, [`MedicationRequest/${order.id}`]);
  }

  function removeOrder(id: string) {
    setDrafts((d) => d.filter((x) => x.id !== id));
    setCards((c) => c.filter((x) => x.hook === 'patient-view'));
  }

  async function sign() {
    if (!patientId) return;
    const fresh = await fire('order-sign', patientId, drafts);
    if (fresh.some((c) => c.card.indicator !== 'info')) return setAwaitingSign(true);
    confirmSign();
  }

  function confirmSign() {
    setSigned((s) => [...s, ...drafts]);
    setDrafts([]);
    setAwaitingSign(false);
    setCards((c) => c.filter((x) => x.hook === 'patient-view'));
  }

  async function feedback(shown: ShownCard, item: Record<string, unknown>) {
    if (!shown.card.uuid) return;
    const body = { feedback: [{ card: shown.card.uuid, ...item, outcomeTimestamp: new Date().toISOString() }] };
    try {
      const res = await api.feedback({ serviceId: shown.serviceId, feedback: body, ...(serviceUrl && { serviceUrl }) });
      record(`feedback → ${shown.serviceId}`, res.status, res.durationMs, body, res.body);
    } catch {
      setError('Feedback could not be sent.');
    }
  }

  function mark(shown: ShownCard, outcome: ShownCard['outcome']) {
    setCards((all) => all.map((c) => (c.key === shown.key ? { ...c, ...(outcome && { outcome }) } : c)));
  }

  function accept(shown: ShownCard, suggestion: Suggestion) {
    setDrafts((d) => applyActions(d, suggestion.actions ?? [], () => `draft-${next()}`));
    mark(shown, { kind: 'accepted', label: suggestion.label });
    void feedback(shown, {
      outcome: 'accepted',
      ...(suggestion.uuid && { acceptedSuggestions: [{ id: suggestion.uuid }] }),
    });
  }

  function override(shown: ShownCard, reason: Coding | undefined, comment: string) {
    mark(shown, { kind: 'overridden', reason: reason?.display ?? 'no reason given' });
    const overrideReason = { ...(reason && { reason }), ...(comment && { userComment: comment }) };
    void feedback(shown, { outcome: 'overridden', ...(Object.keys(overrideReason).length > 0 && { overrideReason }) });
  }

  return {
    chart,
    drafts,
    signed,
    cards,
    loading,
    error,
    log,
    serviceUrl,
    setServiceUrl,
    awaitingSign,
    openPatient,
    addOrder,
    removeOrder,
    sign,
    confirmSign,
    accept,
    override,
  };
}
