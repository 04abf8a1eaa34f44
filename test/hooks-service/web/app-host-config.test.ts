/** CAIRN_APP_* and CAIRN_FRAME_ANCESTORS: defaults, normal values, and a start-up error naming the variable. */
import { describe, expect, it } from 'vitest';
import { parseAppHostConfig } from '../../../hooks-service/web/app-host-config';
import { appConfigScriptTag, parseAppConfig, readAppConfig } from '../../../src/app-config/app-config';

describe('app host configuration', () => {
  it('defaults to client id cairn, derived scopes, the same origin and no other framing origin', () => {
    expect(parseAppHostConfig({})).toEqual({ app: { clientId: 'cairn' }, frameAncestors: [], appOrigins: [] });
  });

  it('reads client id, scopes (normalised spacing) and service URL (no trailing slash)', () => {
    const config = parseAppHostConfig({
      CAIRN_APP_CLIENT_ID: ' 0oa1b2c3 ',
      CAIRN_APP_SCOPES: 'launch  openid\tpatient/Observation.read',
      CAIRN_APP_SERVICE_URL: 'https://cairn.example.org/',
    });
    expect(config.app).toEqual({
      clientId: '0oa1b2c3',
      scopes: 'launch openid patient/Observation.read',
      serviceUrl: 'https://cairn.example.org',
    });
  });

  it('takes frame ancestors separated by spaces or commas, with wildcard subdomains and ports', () => {
    expect(
      parseAppHostConfig({
        CAIRN_FRAME_ANCESTORS: 'https://ehr.example.org/, http://localhost:8080 https://*.cerner.com',
      }).frameAncestors,
    ).toEqual(['https://ehr.example.org', 'http://localhost:8080', 'https://*.cerner.com']);
  });

  it('takes the origins that serve the app elsewhere, exact, for CORS on its APIs', () => {
    expect(
      parseAppHostConfig({ CAIRN_APP_ORIGINS: 'https://cairn-app.example.org/ http://localhost:5173' }).appOrigins,
    ).toEqual(['https://cairn-app.example.org', 'http://localhost:5173']);
  });

  it.each([
    ['CAIRN_APP_ORIGINS', 'https://*.example.org', /CAIRN_APP_ORIGINS.*\*\.example/],
    ['CAIRN_APP_ORIGINS', 'https://app.example.org/app/', /CAIRN_APP_ORIGINS/],
    ['CAIRN_APP_ORIGINS', 'https://App.Example.org', /CAIRN_APP_ORIGINS/],
    ['CAIRN_FRAME_ANCESTORS', "https://ehr.example.org 'unsafe-inline'", /CAIRN_FRAME_ANCESTORS.*'unsafe-inline'/],
    ['CAIRN_FRAME_ANCESTORS', 'https://ehr.example.org/path', /CAIRN_FRAME_ANCESTORS/],
    ['CAIRN_FRAME_ANCESTORS', 'https://a.org;script-src', /CAIRN_FRAME_ANCESTORS/],
    ['CAIRN_APP_SCOPES', 'openid "fhirUser"', /CAIRN_APP_SCOPES/],
    ['CAIRN_APP_CLIENT_ID', 'my client', /CAIRN_APP_CLIENT_ID/],
    ['CAIRN_APP_SERVICE_URL', 'cairn.example.org', /CAIRN_APP_SERVICE_URL/],
    ['CAIRN_APP_SERVICE_URL', 'ftp://cairn.example.org', /CAIRN_APP_SERVICE_URL/],
  ])('refuses %s=%s at start with a message naming it', (name, value, message) => {
    expect(() => parseAppHostConfig({ [name]: value })).toThrow(message);
  });
});

describe('the config block a page carries', () => {
  it('cannot be ended early by a value: < > & and line separators are escaped, and it reads back unchanged', () => {
    const config = { clientId: 'x</script><script>alert(1)</script>&\u2028' };
    const tag = appConfigScriptTag(config);
    expect(tag.match(/<\/script>/g)).toHaveLength(1);
    const json = tag.slice(tag.indexOf('>') + 1, tag.lastIndexOf('</script>'));
    expect(JSON.parse(json)).toEqual(config);
    expect(json).not.toMatch(/[<>&\u2028]/);
  });

  it('falls back to the defaults when the page has no block or a broken one (Vite dev server)', () => {
    expect(readAppConfig({ getElementById: () => null })).toEqual({ clientId: 'cairn' });
    const broken = { textContent: '{not json' } as HTMLElement;
    expect(readAppConfig({ getElementById: () => broken })).toEqual({ clientId: 'cairn' });
    expect(parseAppConfig({ clientId: 42, scopes: '  ', serviceUrl: 'https://s.example/' })).toEqual({
      clientId: 'cairn',
      serviceUrl: 'https://s.example',
    });
  });
});
