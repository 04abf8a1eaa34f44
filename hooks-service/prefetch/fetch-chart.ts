/**
 * The whole chart of one patient from a FHIR server, using the same queries as the services' prefetch templates
 * (the caller passes them): what `/api/narrative` needs when the SMART app asks. The caller checks the allow-list.
 */
import { OPTIONAL_KEYS, ownResources } from './resolve';
import { FhirUnavailable, type FhirClient } from './fhir-client';
import { fillTemplate } from './templates';

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
export function createFetchChart(fhir: FhirClient, templates: Readonly<Record<string, string>>, budgetMs: number): FetchChart {
  return async ({ fhirServer, accessToken, patientId }) => {
    const signal = AbortSignal.timeout(budgetMs);
    const parts = await Promise.all(Object.entries(templates).map(async ([key, template]) => {
      const query = fillTemplate(template, { patientId });
      if (query === undefined) return [];
      try {
        return await fhir.run({ fhirServer, accessToken, query, signal });
      } catch (e) {
        if (!(e instanceof FhirUnavailable)) throw e;
        if (e.refusedToken) throw new FhirAuthError('FHIR server refused the token');
        if (OPTIONAL_KEYS.has(key)) return [];
        throw e;
      }
    }));
    // A server (or a cache in front of it) answering with another patient's resources must not mix charts.
    return ownResources(parts.flat(), patientId).own;
  };
}
