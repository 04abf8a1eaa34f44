/**
 * CDS Hooks 2.0 (HL7 cds-hooks.hl7.org/2.0, tag v2.0.1) response rules written out from the spec text, returning
 * every violation as a sentence. Independent of src/cds-hooks/schemas on purpose.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ABSOLUTE = /^https?:\/\/[^\s/]+/;
const RELATIVE_REF = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** §Use of JSON: "`null`, `""`, `[]`, or `{}` are prohibited" — except `cards: []`. FHIR resources inside are FHIR's. */
export function nullOrEmptyPaths(value: unknown, path = '$', out: string[] = []): string[] {
  if (value === null || value === '') out.push(path);
  else if (Array.isArray(value)) {
    if (value.length === 0 && path !== '$.cards') out.push(path);
    value.forEach((v, i) => nullOrEmptyPaths(v, `${path}[${i}]`, out));
  } else if (isObject(value)) {
    if (Object.keys(value).length === 0) out.push(path);
    if (!path.endsWith('.resource'))
      for (const [k, v] of Object.entries(value)) nullOrEmptyPaths(v, `${path}.${k}`, out);
  }
  return out;
}

function codingViolations(c: unknown, at: string, needDisplay: boolean): string[] {
  if (!isObject(c)) return [`${at} is not a Coding object`];
  const out: string[] = [];
  if (!nonEmptyString(c.code)) out.push(`${at}.code is required`);
  if (!nonEmptyString(c.system)) out.push(`${at}.system is required`);
  if (needDisplay && !nonEmptyString(c.display)) out.push(`${at}.display is REQUIRED for override reasons`);
  return out;
}

/** §Action: type create|update|delete, description; create/update carry a resource; delete a string resourceId. */
export function actionViolations(a: unknown, at: string): string[] {
  if (!isObject(a)) return [`${at} is not an object`];
  const out: string[] = [];
  if (!['create', 'update', 'delete'].includes(a.type as string))
    out.push(`${at}.type must be create, update or delete`);
  if (!nonEmptyString(a.description)) out.push(`${at}.description is required`);
  if (
    (a.type === 'create' || a.type === 'update') &&
    !(isObject(a.resource) && nonEmptyString(a.resource.resourceType))
  )
    out.push(`${at}.resource must be a FHIR resource`);
  if (a.type === 'delete' && !(typeof a.resourceId === 'string' && RELATIVE_REF.test(a.resourceId)))
    out.push(`${at}.resourceId must be one relative reference string`);
  return out;
}

function suggestionViolations(s: unknown, at: string): string[] {
  if (!isObject(s)) return [`${at} is not an object`];
  const out: string[] = [];
  if (!nonEmptyString(s.label)) out.push(`${at}.label is required`);
  if (s.uuid !== undefined && !(typeof s.uuid === 'string' && UUID.test(s.uuid))) out.push(`${at}.uuid is not a UUID`);
  if (s.isRecommended !== undefined && typeof s.isRecommended !== 'boolean')
    out.push(`${at}.isRecommended must be boolean`);
  if (s.actions !== undefined)
    (Array.isArray(s.actions) ? s.actions : [s.actions]).forEach((a, i) =>
      out.push(...actionViolations(a, `${at}.actions[${i}]`)),
    );
  return out;
}

function linkViolations(l: unknown, at: string): string[] {
  if (!isObject(l)) return [`${at} is not an object`];
  const out: string[] = [];
  if (!nonEmptyString(l.label)) out.push(`${at}.label is required`);
  if (!(typeof l.url === 'string' && ABSOLUTE.test(l.url))) out.push(`${at}.url must be an absolute URL`);
  if (l.type !== 'absolute' && l.type !== 'smart') out.push(`${at}.type must be absolute or smart`);
  if (l.appContext !== undefined && typeof l.appContext !== 'string') out.push(`${at}.appContext must be a string`);
  if (l.appContext !== undefined && l.type !== 'smart') out.push(`${at}.appContext is only valid on smart links`);
  if (l.autolaunchable !== undefined && typeof l.autolaunchable !== 'boolean')
    out.push(`${at}.autolaunchable must be boolean`);
  return out;
}

function sourceViolations(s: unknown, at: string): string[] {
  if (!isObject(s)) return [`${at} is required`];
  const out: string[] = [];
  if (!nonEmptyString(s.label)) out.push(`${at}.label is required`);
  for (const k of ['url', 'icon'] as const)
    if (s[k] !== undefined && !(typeof s[k] === 'string' && ABSOLUTE.test(s[k])))
      out.push(`${at}.${k} must be an absolute URL`);
  if (s.topic !== undefined) out.push(...codingViolations(s.topic, `${at}.topic`, false));
  return out;
}

/** §Card Attributes, one card. */
export function cardViolations(c: unknown, at: string): string[] {
  if (!isObject(c)) return [`${at} is not an object`];
  const out: string[] = [];
  if (c.uuid !== undefined && !(typeof c.uuid === 'string' && UUID.test(c.uuid))) out.push(`${at}.uuid is not a UUID`);
  // "One-sentence, <140-character summary": code points, so an emoji counts once.
  if (!nonEmptyString(c.summary) || [...c.summary].length >= 140)
    out.push(`${at}.summary must be a string under 140 characters`);
  if (c.detail !== undefined && typeof c.detail !== 'string') out.push(`${at}.detail must be markdown text`);
  if (!['info', 'warning', 'critical'].includes(c.indicator as string))
    out.push(`${at}.indicator must be info, warning or critical`);
  out.push(...sourceViolations(c.source, `${at}.source`));
  // "If suggestions are present, selectionBehavior MUST also be provided."
  if (c.suggestions !== undefined && c.selectionBehavior === undefined)
    out.push(`${at} has suggestions but no selectionBehavior`);
  if (c.selectionBehavior !== undefined && !['at-most-one', 'any'].includes(c.selectionBehavior as string))
    out.push(`${at}.selectionBehavior must be at-most-one or any`);
  const suggestions = Array.isArray(c.suggestions) ? c.suggestions : [];
  suggestions.forEach((s, i) => out.push(...suggestionViolations(s, `${at}.suggestions[${i}]`)));
  // "Multiple suggestions MAY be recommended, if card.selectionBehavior is any."
  const recommended = suggestions.filter((s) => isObject(s) && s.isRecommended === true).length;
  if (recommended > 1 && c.selectionBehavior !== 'any')
    out.push(`${at} recommends ${recommended} suggestions but selectionBehavior is not any`);
  (Array.isArray(c.overrideReasons) ? c.overrideReasons : []).forEach((r, i) =>
    out.push(...codingViolations(r, `${at}.overrideReasons[${i}]`, true)),
  );
  (Array.isArray(c.links) ? c.links : []).forEach((l, i) => out.push(...linkViolations(l, `${at}.links[${i}]`)));
  return out;
}

/** §CDS Service Response: `cards` REQUIRED array, `systemActions` optional Actions; plus null/empty and uuid uniqueness. */
export function responseViolations(body: unknown): string[] {
  if (!isObject(body)) return ['response is not a JSON object'];
  if (!Array.isArray(body.cards)) return ['response.cards is REQUIRED and must be an array'];
  const out = nullOrEmptyPaths(body).map((p) => `${p} is null or empty`);
  body.cards.forEach((c, i) => out.push(...cardViolations(c, `cards[${i}]`)));
  if (body.systemActions !== undefined)
    (Array.isArray(body.systemActions) ? body.systemActions : [null]).forEach((a, i) =>
      out.push(...actionViolations(a, `systemActions[${i}]`)),
    );
  const uuids = body.cards
    .flatMap((c) =>
      isObject(c)
        ? [
            c.uuid,
            ...(Array.isArray(c.suggestions) ? c.suggestions.map((s) => (isObject(s) ? s.uuid : undefined)) : []),
          ]
        : [],
    )
    .filter((u): u is string => typeof u === 'string');
  if (new Set(uuids).size !== uuids.length) out.push('card and suggestion uuids are not unique');
  return out;
}
