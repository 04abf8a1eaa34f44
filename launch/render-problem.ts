/** Plain-DOM error screens for the launch page (no framework needed for one message and a form). */
import type { LaunchProblem } from './start-launch';

interface Copy {
  title: string;
  body: string;
}

function copyFor(problem: LaunchProblem): Copy {
  switch (problem.kind) {
    case 'missing-iss':
      return {
        title: 'No FHIR server given',
        body: 'Cairn must be launched from the EHR, or with the address of a FHIR server for a standalone launch.',
      };
    case 'invalid-iss':
      return {
        title: 'Invalid FHIR server address',
        body: 'The launch named a FHIR server address that is not an http(s) URL.',
      };
    case 'server-unreachable':
      return {
        title: 'The FHIR server is not answering',
        body: 'Cairn could not reach the FHIR server to start sign-in. Try again, or relaunch from the EHR.',
      };
    case 'storage-blocked':
      return {
        title: 'This frame blocks what sign-in needs',
        body: 'The EHR shows Cairn in a frame without storage, so sign-in cannot complete here. Open Cairn in a new window, or ask your administrator to allow storage for Cairn’s frame.',
      };
    case 'authorize-failed':
      return { title: 'Sign-in could not start', body: `The authorization request failed: ${problem.message}` };
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text) el.textContent = text;
  return el;
}

/** A standalone-launch form: the user names a FHIR server and the page relaunches with `?iss=`. */
function standaloneForm(): HTMLFormElement {
  const form = element('form');
  form.method = 'get';
  form.action = '/launch';
  const label = element('label', 'FHIR server URL');
  label.htmlFor = 'iss';
  const input = element('input');
  Object.assign(input, {
    id: 'iss',
    name: 'iss',
    type: 'url',
    required: true,
    placeholder: 'https://ehr.example.org/fhir',
  });
  const button = element('button', 'Start standalone launch');
  button.type = 'submit';
  form.append(label, input, button);
  return form;
}

/** Replaces `root` with an accessible error screen. */
export function renderProblem(root: HTMLElement, problem: LaunchProblem): void {
  const { title, body } = copyFor(problem);
  const section = element('section');
  section.setAttribute('role', 'alert');
  section.setAttribute('aria-labelledby', 'problem-title');
  const h1 = element('h1', title);
  h1.id = 'problem-title';
  section.append(h1, element('p', body));
  if (problem.kind === 'server-unreachable') {
    const retry = element('a', 'Try again');
    retry.href = location.href;
    section.append(retry);
  }
  if (problem.kind === 'storage-blocked') {
    const open = element('a', 'Open Cairn in a new window');
    open.href = problem.url;
    open.target = '_blank';
    open.rel = 'noopener';
    section.append(open);
  }
  root.replaceChildren(section);
  if (problem.kind === 'missing-iss' || problem.kind === 'invalid-iss') root.append(standaloneForm());
  h1.tabIndex = -1;
  h1.focus();
}
