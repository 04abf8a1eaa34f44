/**
 * Prefetch tokens (CDS Hooks 2.0 §Prefetch tokens): `{{context.<field>}}` for root-level primitive context fields,
 * and the user identifiers `{{userPractitionerId}}`, `{{userPractitionerRoleId}}`, `{{userPatientId}}`,
 * `{{userRelatedPersonId}}`, which we derive from `context.userId` ("Practitioner/123" → 123 only for that type).
 */

const USER_TOKENS: Readonly<Record<string, string>> = {
  userPractitionerId: 'Practitioner',
  userPractitionerRoleId: 'PractitionerRole',
  userPatientId: 'Patient',
  userRelatedPersonId: 'RelatedPerson',
};

function tokenValue(token: string, context: Readonly<Record<string, unknown>>): string | undefined {
  if (token.startsWith('context.')) {
    const value = context[token.slice('context.'.length)];
    // Only root-level primitives are eligible (spec: `{{context.medication.id}}` is not a valid token).
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;
  }
  const type = USER_TOKENS[token];
  const userId = context.userId;
  if (!type || typeof userId !== 'string') return undefined;
  const [userType, id] = userId.split('/');
  return userType === type && id ? id : undefined;
}

/** The FHIR query with tokens replaced (values URL-encoded), or undefined when a token has no value here. */
export function fillTemplate(template: string, context: Readonly<Record<string, unknown>>): string | undefined {
  let missing = false;
  const filled = template.replace(/\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g, (_m, token: string) => {
    const value = tokenValue(token, context);
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? '');
  });
  return missing ? undefined : filled;
}
