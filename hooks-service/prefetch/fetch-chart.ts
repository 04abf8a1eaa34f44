/**
 * The whole chart of one patient from a FHIR server, read with the queries of every side (src/reasoning/chart-queries.ts):
 * what `/api/narrative` needs when the app asks. One way of reading the chart on both sides, so the narrative and
 * the findings it sits beside are computed from the same record. The caller checks the allow-list.
 */
import { chartQueries, isRefusal, keepType, type ChartQuery } from '@reasoning/chart-queries';
import { ownResources } from './resolve';
import { FhirUnavailable, type FhirClient } from './fhir-client';

export interface FetchChartArgs {
  fhirServer: string;
  accessToken: string;
  patientId: string;
}

export type FetchChart = (args: FetchChartArgs) => Promise<fhir4.Resource[]>;

/** Thrown by a FetchChart when the FHIR server refuses the token (maps to 401). */
export class FhirAuthError extends Error {
  override readonly name = 'FhirAuthError';
}

/** `budgetMs` bounds all the chart's requests together (CAIRN_FHIR_BUDGET_MS), as in a hook call. */
export function createFetchChart(fhir: FhirClient, budgetMs: number): FetchChart {
  return async ({ fhirServer, accessToken, patientId }) => {
    const signal = AbortSignal.timeout(budgetMs);
    const run = (query: string) => fhir.run({ fhirServer, accessToken, query, signal });
    const readType = async ({ type, query, optional, onRefusal }: ChartQuery): Promise<fhir4.Resource[]> => {
      try {
        try {
          return keepType(type, await run(query));
        } catch (e) {
          // As the app does (src/app/data/load-record.ts): a refused search is asked the other way.
          if (!(e instanceof FhirUnavailable) || onRefusal.length === 0 || !isRefusal(e.status)) throw e;
          return keepType(type, (await Promise.all(onRefusal.map(run))).flat());
        }
      } catch (e) {
        if (!(e instanceof FhirUnavailable)) throw e;
        if (e.refusedToken) throw new FhirAuthError('FHIR server refused the token');
        if (optional) return [];
        throw e;
      }
    };
    const parts = await Promise.all(chartQueries(patientId).map(readType));
    // A server (or a cache in front of it) answering with another patient's resources must not mix charts.
    return ownResources(parts.flat(), patientId).own;
  };
}
