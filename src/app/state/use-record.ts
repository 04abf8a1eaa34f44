/**
 * The record and the engine's result as data arrives. The engine re-runs whenever a resource type lands;
 * the result is provisional until every type has settled (a missing lab must never read as "no findings").
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { EngineInput, EngineResult } from '@reasoning/types';
import { loadRecord, RECORD_TYPES, type LoadEvent, type RecordType, type TypeLoad } from '../data/load-record';
import type { FhirSession } from '../data/session';
import type { ProblemKind } from '../data/errors';

export type RunEngine = (input: EngineInput) => EngineResult;

export interface RecordView {
  loads: Record<RecordType, TypeLoad>;
  resources: readonly fhir4.Resource[];
  result?: EngineResult;
  /** Every type settled (loaded or failed). */
  complete: boolean;
  /** Types that failed to load; findings that need them may be missing. */
  failed: RecordType[];
  /** A failure that makes the whole screen unusable (expired session, FHIR server down, no patient). */
  fatal?: ProblemKind;
  engineError: boolean;
}

/**
 * The engine first runs once these have settled. The one rule that fires on an absence (anticoagulation gap: AF
 * recorded, no anticoagulant) reads medications, so a provisional result before them could show a finding that
 * the medication list would refute. Every other rule needs data present (a lab, an allergy, a condition), so the
 * types still loading can only add findings, and the labs (the slowest, paged) arrive last.
 */
const FIRST_RUN_NEEDS: readonly RecordType[] = [
  'Patient',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationAdministration',
  'MedicationDispense',
];

function initialLoads(): Record<RecordType, TypeLoad> {
  return Object.fromEntries(RECORD_TYPES.map((t) => [t, { status: 'pending' }])) as Record<RecordType, TypeLoad>;
}

/**
 * Without the Patient nothing can be shown; an expired session anywhere invalidates what is on screen, and another
 * patient's data anywhere means nothing on screen can be trusted to be this patient's.
 */
function fatalOf(loads: Record<RecordType, TypeLoad>): ProblemKind | undefined {
  const failed = Object.values(loads).filter((l) => l.status === 'failed');
  if (failed.some((l) => l.problem === 'patient-mismatch')) return 'patient-mismatch';
  if (loads.Patient.status === 'failed') return loads.Patient.problem;
  const expired = failed.some((l) => l.problem === 'session-expired');
  return expired ? 'session-expired' : undefined;
}

function runSafely(engine: RunEngine, input: EngineInput): EngineResult | 'error' {
  try {
    return engine(input);
  } catch {
    return 'error';
  }
}

/** Loads the record through `session` and runs the lazily loaded engine on it as it arrives. */
export function useRecord(session: FhirSession, loadEngine: () => Promise<RunEngine>, now: () => string): RecordView {
  const [loads, setLoads] = useState(initialLoads);
  const [byType, setByType] = useState<Partial<Record<RecordType, fhir4.Resource[]>>>({});
  const [engine, setEngine] = useState<RunEngine | 'error' | undefined>(undefined);

  useEffect(() => {
    let live = true;
    loadEngine().then(
      (run) => live && setEngine(() => run),
      () => live && setEngine('error'),
    );
    const onEvent = (event: LoadEvent) => {
      if (!live) return;
      if (event.status === 'loaded') {
        setByType((prev) => ({ ...prev, [event.type]: event.resources }));
        setLoads((prev) => ({ ...prev, [event.type]: { status: 'loaded', count: event.resources.length } }));
      } else {
        setLoads((prev) => ({ ...prev, [event.type]: { status: 'failed', problem: event.problem } }));
      }
    };
    void loadRecord(session, onEvent);
    return () => {
      live = false;
    };
  }, [session, loadEngine]);

  const resources = useMemo(() => RECORD_TYPES.flatMap((t) => byType[t] ?? []), [byType]);
  const canRun = FIRST_RUN_NEEDS.every((t) => loads[t].status !== 'pending');
  const outcome = useMemo(
    () => (typeof engine === 'function' && canRun ? runSafely(engine, { resources, now: now() }) : undefined),
    [engine, resources, canRun, now],
  );
  const failed = RECORD_TYPES.filter((t) => loads[t].status === 'failed');
  return {
    loads,
    resources,
    result: outcome === 'error' ? undefined : outcome,
    complete: RECORD_TYPES.every((t) => loads[t].status !== 'pending'),
    failed,
    fatal: fatalOf(loads),
    engineError: engine === 'error' || outcome === 'error',
  };
}
