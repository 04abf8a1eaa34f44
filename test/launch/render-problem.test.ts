// @vitest-environment happy-dom
import { getByLabelText, getByRole } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderProblem } from '../../launch/render-problem';

function mount(): HTMLElement {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  return root;
}

describe('launch page problems', () => {
  it('explains a missing iss and offers a standalone launch form', () => {
    const root = mount();
    renderProblem(root, { kind: 'missing-iss' });
    expect(getByRole(root, 'alert').textContent).toContain('No FHIR server given');
    expect(document.activeElement).toBe(getByRole(root, 'heading', { name: 'No FHIR server given' }));
    const input = getByLabelText<HTMLInputElement>(root, 'FHIR server URL');
    expect(input.name).toBe('iss');
    expect(getByRole(root, 'button', { name: 'Start standalone launch' })).toBeTruthy();
  });

  it('offers a retry when the FHIR server is down', () => {
    const root = mount();
    renderProblem(root, { kind: 'server-unreachable', iss: 'https://fhir.example.org' });
    expect(getByRole(root, 'heading', { name: 'The FHIR server is not answering' })).toBeTruthy();
    expect(getByRole(root, 'link', { name: 'Try again' })).toBeTruthy();
  });

  it('offers a new window when the frame blocks storage', () => {
    const root = mount();
    renderProblem(root, { kind: 'storage-blocked', url: 'https://app.example.org/launch?iss=x&launch=y' });
    const link = getByRole<HTMLAnchorElement>(root, 'link', { name: 'Open Cairn in a new window' });
    expect(link.href).toBe('https://app.example.org/launch?iss=x&launch=y');
    expect(link.target).toBe('_blank');
  });

  it('shows the authorization failure as text, never as markup', () => {
    const root = mount();
    renderProblem(root, { kind: 'authorize-failed', message: '<img src=x onerror=alert(1)>' });
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
