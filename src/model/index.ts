/** The model adapter's public surface (browser-safe): types, embedded model, minimization, validation. */
export type * from './types';
export { embeddedModel, composeEmbeddedNarrative, EMBEDDED_MODEL } from './embedded';
export { detectEscalation, applyEscalation } from './escalation';
export { labelEmbedded, labelFallback, labelHosted } from './label';
export { minimizeForModel, AliasTable, type Minimized, type ModelPayload } from './minimize';
export { REASONING_JSON_SCHEMA, REASONING_SCHEMA_NAME } from './output/schema';
export { validateModelOutput } from './output/validate';
export { narrativeFromModelAnswer, fallbackNarrative } from './hosted';
