/** The demo server's CapabilityStatement (FHIR R4 `GET [base]/metadata`), derived from SEARCH_PARAMS and sort.ts. */
import { SEARCH_PARAMS } from './search-params';
import { sortableParams } from './sort';

export function capabilityStatement(base: string, authBase: string): fhir4.CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    software: { name: 'Cairn demo FHIR server' },
    implementation: { description: 'In-memory synthetic data for the Cairn demo; not for real patients', url: base },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: true,
          service: [
            {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' },
              ],
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: `${authBase}/authorize` },
                { url: 'token', valueUri: `${authBase}/token` },
              ],
            },
          ],
        },
        resource: Object.entries(SEARCH_PARAMS).map(([type, params]): fhir4.CapabilityStatementRestResource => ({
          type: type as fhir4.CapabilityStatementRestResource['type'],
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: [
            ...Object.entries(params).map(([name, def]) => ({ name, type: def.kind })),
            // R4 has no element listing sortable parameters, so `_sort` says them in its documentation.
            {
              name: '_sort',
              type: 'special' as const,
              documentation: `Sort by ${sortableParams(type).join(', ')}; prefix - for descending, comma-separated keys.`,
            },
          ],
        })),
      },
    ],
  };
}
