// @vitest-environment happy-dom
// RFC 6749 §4.1.2.1: an authorization error redirect is shown to the user, and fhirclient is never called.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Boot } from '../../src/app/ui/Boot';

afterEach(cleanup);

function boot(query: string) {
  const ready = vi.fn(() => new Promise<never>(() => undefined));
  render(
    <Boot
      smart={{ ready }}
      loadEngine={() => Promise.reject(new Error('not used'))}
      fetchImpl={() => Promise.reject(new Error('not used'))}
      now={() => '2026-01-01T00:00:00Z'}
      pageUrl={`https://app.example.org/app/?${query}`}
    />,
  );
  return ready;
}

describe('authorization error redirect', () => {
  it('shows access_denied advice and the description, without calling fhirclient', async () => {
    const ready = boot('error=access_denied&error_description=User%20said%20no&state=abc');
    expect(await screen.findByText('Access was not granted')).toBeTruthy();
    expect(screen.getByText(/declined access/)).toBeTruthy();
    expect(screen.getByText(/User said no/)).toBeTruthy();
    expect(ready).not.toHaveBeenCalled();
  });

  it('shows other codes with advice to tell the administrator, and never interprets HTML in the description', async () => {
    const html = '<img src=x onerror=alert(1)><b>bold</b>';
    const ready = boot(`error=server_error&error_description=${encodeURIComponent(html)}&state=abc`);
    expect(await screen.findByText('Sign-in was refused')).toBeTruthy();
    expect(screen.getByText('server_error')).toBeTruthy();
    expect(screen.getByText(/EHR administrator/)).toBeTruthy();
    expect(screen.getByText(new RegExp(html.replace(/[()]/g, '\\$&')))).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect(ready).not.toHaveBeenCalled();
  });

  it('links error_uri only when it is https', async () => {
    boot('error=invalid_scope&error_uri=javascript%3Aalert(1)&state=abc');
    await screen.findByText('Sign-in was refused');
    expect(document.querySelector('a')).toBeNull();
    cleanup();
    boot('error=invalid_scope&error_uri=https%3A%2F%2Fehr.example.org%2Fhelp&state=abc');
    await screen.findByText('Sign-in was refused');
    expect(document.querySelector('a')?.getAttribute('href')).toBe('https://ehr.example.org/help');
  });
});
