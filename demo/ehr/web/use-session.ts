/**
 * The demo EHR's session: which chart is open, the draft orders, the cards on screen and the exchange log.
 * Opening a chart fires patient-view; adding an order fires order-select; signing fires order-sign; recording an
 * allergy fires allergyintolerance-create, adding a problem problem-list-item-create, refilling a medication
 * medication-refill. Like signed orders, what is added is kept for the session only, not written to the record.
 */
import { useRef, useState } from 'preact/hooks';
import type { CatalogDrug } from '../catalog';
import { draftOrder } from '../catalog';
import type { Chart } from '../chart';
import { newAllergy, newProblem, type ChartChoice, type NewAllergy } from '../chart-entries';
import { api, type HookBody, type HookResult } from './api';
import type { CodingWithDisplay as Coding } from '@cds-hooks/schemas/common';
import type { Suggestion } from '@cds-hooks/schemas/response';
import { cardsOf } from './read-cards';
import type { ShownCard } from './CardView';
import { applyActions, type Draft } from './drafts';
import type { LoggedExchange } from './Inspector';

/** One thing added to the chart this session, and the hook that checked it. */
export interface ChartAddition {
  id: number;
  hook: string;
  label: string;
}

const ORDER_HOOKS = new Set(['order-select', 'order-sign']);
/** Order cards are re-evaluated on every order change; every other hook's cards are replaced only by its own. */
const replaces = (fired: string, shown: string): boolean =>
  fired === shown || (ORDER_HOOKS.has(fired) && ORDER_HOOKS.has(shown));
const notOrderCard = (c: ShownCard): boolean => !ORDER_HOOKS.has(c.hook);

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
  const [added, setAdded] = useState<ChartAddition[]>([]);
  const seq = useRef(0);
  const next = (): number => ++seq.current;
  const patientId = chart?.patient.id;

  const record = (label: string, status: number, durationMs: number, request: unknown, response: unknown) =>
    setLog((l) =>
      [{ id: next(), at: new Date().toISOString(), label, status, durationMs, request, response }, ...l].slice(0, 50),
    );

  async function fire(hook: string, pid: string, context: Omit<HookBody, 'hook' | 'patientId'>): Promise<ShownCard[]> {
    setLoading(hook);
    setError(undefined);
    let result: HookResult;
    try {
      result = await api.hook({ hook, patientId: pid, ...context, ...(serviceUrl && { serviceUrl }) });
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
    setCards((old) => [...old.filter((c) => !replaces(hook, c.hook)), ...fresh]);
    return fresh;
  }

  async function openPatient(id: string) {
    setDrafts([]);
    setSigned([]);
    setCards([]);
    setAwaitingSign(false);
    setAdded([]);
    setChart(undefined);
    setError(undefined);
    try {
      setChart(await api.chart(id));
    } catch {
      return setError('The chart could not be opened. Try again.');
    }
    await fire('patient-view', id, {});
  }

  function addOrder(drug: CatalogDrug, doseIndex: number) {
    const dose = drug.doses[doseIndex] ?? drug.doses[0];
    if (!patientId || !dose) return;
    const order = draftOrder(drug, dose, patientId, `draft-${next()}`, new Date().toISOString());
    const all = [...drafts, order];
    setDrafts(all);
    setAwaitingSign(false);
    void fire('order-select', patientId, { draftOrders: all, selections: [`MedicationRequest/${order.id}`] });
  }

  function removeOrder(id: string) {
    setDrafts((d) => d.filter((x) => x.id !== id));
    setCards((c) => c.filter(notOrderCard));
  }

  async function sign() {
    if (!patientId) return;
    const fresh = await fire('order-sign', patientId, { draftOrders: drafts });
    if (fresh.some((c) => c.card.indicator !== 'info')) return setAwaitingSign(true);
    confirmSign();
  }

  function confirmSign() {
    setSigned((s) => [...s, ...drafts]);
    setDrafts([]);
    setAwaitingSign(false);
    setCards((c) => c.filter(notOrderCard));
  }

  const note = (hook: string, label: string) => setAdded((a) => [...a, { id: next(), hook, label }]);

  function addAllergy(entry: NewAllergy) {
    if (!patientId) return;
    const allergy = newAllergy(entry, patientId, `new-allergy-${next()}`, new Date().toISOString());
    note('allergyintolerance-create', `Allergy: ${entry.substance.display}`);
    void fire('allergyintolerance-create', patientId, { allergyIntolerance: allergy });
  }

  function addProblem(problem: ChartChoice) {
    if (!patientId) return;
    const condition = newProblem(problem, patientId, `new-problem-${next()}`, new Date().toISOString());
    note('problem-list-item-create', `Problem: ${problem.display}`);
    void fire('problem-list-item-create', patientId, { conditions: [condition] });
  }

  /** `ref` names the active prescription; the EHR's server builds the draft refill from its own record. */
  function refill(ref: string, label: string) {
    if (!patientId) return;
    note('medication-refill', `Refill: ${label}`);
    void fire('medication-refill', patientId, { refill: ref });
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
    added,
    openPatient,
    addOrder,
    removeOrder,
    sign,
    confirmSign,
    addAllergy,
    addProblem,
    refill,
    accept,
    override,
  };
}
