// @vitest-environment happy-dom
/**
 * The launch, end to end against the demo SMART authorization server and FHIR server (real HTTP, real
 * fhirclient): EHR and standalone launch with PKCE, denied consent, expired session, refresh, patient switch.
 */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeLaunch } from '../../demo/auth/launch';
// Imported as a module: under happy-dom, `URL` is the DOM's, which the demo loader's file-URL reads reject.
import hyperkalemiaCase from '../../demo/patients/teaching/teach-hyperkalemia.json';
import { flattenBundle } from '@fhir/bundle';
import { startSmartStack, type RunningSmartStack } from '../../demo/smart-stack';
import { startLaunch } from '../../launch/start-launch';
import { fromSmartClient } from '../../src/app/data/session';
import { loadEngine } from '../../src/app/engine-loader';
import { Boot } from '../../src/app/ui/Boot';
import { authorizeFrom, follow, nodeFetch, openPage, submitConsent } from './support/browser-launch';
import { NOW, fakeEngine, makeCreatinine, makeFetch, warfarin } from './support/builders';

const ada: fhir4.Patient = {
  resourceType: 'Patient',
  id: 'p1',
  name: [{ given: ['Ada'], family: 'Lovelace' }],
  gender: 'female',
  birthDate: '1950-02-03',
};
const bob: fhir4.Patient = {
  resourceType: 'Patient',
  id: 'p2',
  name: [{ given: ['Bob'], family: 'Byte' }],
  gender: 'male',
  birthDate: '1944-07-01',
};
const doc: fhir4.Practitioner = {
  resourceType: 'Practitioner',
  id: 'dr1',
  name: [{ given: ['Grace'], family: 'Hopper' }],
};
const resources = [
  ada,
  bob,
  doc,
  warfarin,
  makeCreatinine('o1', 1.0, '2021-03-28'),
  makeCreatinine('o2', 1.6, '2021-03-30'),
];

let clock = Date.now();
let stack: RunningSmartStack;

beforeAll(async () => {
  stack = await startSmartStack({ resources, now: () => clock, refreshTokenSeconds: 120 });
});
afterAll(async () => stack.close());
afterEach(() => {
  cleanup();
  clock = Date.now();
});

const appUrl = () => `${stack.origin}/app/`;

/** EHR launch to the redirect: returns the /app/ URL carrying code and state. */
async function ehrLaunch(context: Parameters<typeof encodeLaunch>[0]) {
  const launchUrl = `${stack.origin}/launch?iss=${encodeURIComponent(stack.fhirBase)}&launch=${encodeLaunch(context)}`;
  const authorizeUrl = await authorizeFrom(launchUrl, (smart) =>
    startLaunch({ url: launchUrl, smart, fetchImpl: nodeFetch }),
  );
  const back = await follow(authorizeUrl);
  return { authorizeUrl, redirect: back.location ?? '' };
}

function renderBoot(url: string) {
  const engine = fakeEngine();
  render(<Boot smart={openPage(url)} loadEngine={async () => engine} fetchImpl={makeFetch({})} now={() => NOW} />);
}

describe('EHR launch', () => {
  it('asks for the least v2 scopes with PKCE and opens the app on the launched patient and finding', async () => {
    const { authorizeUrl, redirect } = await ehrLaunch({
      patient: 'p1',
      needPatientBanner: false,
      appContext: JSON.stringify({ findingId: 'aki-creatinine-rise:Observation/o2' }),
    });
    const params = new URL(authorizeUrl).searchParams;
    expect(params.get('scope')).toContain('patient/Observation.rs');
    expect(params.get('scope')?.split(' ')).toContain('launch');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('aud')).toBe(stack.fhirBase);
    expect(redirect.startsWith(appUrl())).toBe(true);

    const client = await openPage(redirect).ready();
    const session = fromSmartClient(client);
    expect(session.patientId).toBe('p1');
    expect(session.context.need_patient_banner).toBe(false);
    // One resource per page: every `next` link is followed and the pages are flattened into resources.
    const paged = (await session.request('Observation?patient=p1&_count=1')) as fhir4.Resource[];
    expect(paged.map((r) => r.id).sort()).toEqual(['o1', 'o2']);
    // A reload: the address bar fhirclient left (code gone, this launch's state kept).
    expect(new URL(location.href).searchParams.has('code')).toBe(false);
    renderBoot(location.href);
    const card = await screen.findByRole('article', { name: /Creatinine rose/ });
    expect(card.getAttribute('data-finding-id')).toBe('aki-creatinine-rise:Observation/o2');
    expect(await screen.findByText(/Labs and vitals: 2 loaded/)).toBeTruthy();
    expect(screen.queryByRole('banner', { name: 'Patient' })).toBeNull();
  });

  it('shows the new patient after the EHR relaunches on a patient switch', async () => {
    await openPage((await ehrLaunch({ patient: 'p1' })).redirect).ready();
    const second = await ehrLaunch({ patient: 'p2', needPatientBanner: true });
    renderBoot(second.redirect);
    const banner = await screen.findByRole('banner', { name: 'Patient' });
    expect(within(banner).getByText('Bob Byte')).toBeTruthy();
  });

  it('refreshes a short-lived access token instead of failing', async () => {
    const shortLived = await startSmartStack({ resources, accessTokenSeconds: 1 });
    try {
      const launchUrl = `${shortLived.origin}/launch?iss=${encodeURIComponent(shortLived.fhirBase)}&launch=${encodeLaunch({ patient: 'p1' })}`;
      const authorizeUrl = await authorizeFrom(launchUrl, (smart) =>
        startLaunch({ url: launchUrl, smart, fetchImpl: nodeFetch }),
      );
      expect(new URL(authorizeUrl).searchParams.get('scope')?.split(' ')).toContain('online_access');
      const back = await follow(authorizeUrl);
      const client = await openPage(back.location ?? '').ready();
      const firstToken = client.getState('tokenResponse.access_token');
      const observations = await fromSmartClient(client).request('Observation?patient=p1');
      expect(observations).toHaveLength(2);
      expect(client.getState('tokenResponse.access_token')).not.toBe(firstToken);
    } finally {
      await shortLived.close();
    }
  });

  it('shows "session expired" when the token and the refresh token have expired', async () => {
    const { redirect } = await ehrLaunch({ patient: 'p1' });
    await openPage(redirect).ready();
    clock += 15 * 60_000;
    renderBoot(location.href);
    expect(await screen.findByRole('heading', { name: 'Session expired' })).toBeTruthy();
  });
});

describe('with the real engine', () => {
  it('shows the engine findings for a teaching patient loaded from the FHIR server', async () => {
    const demo = await startSmartStack({ resources: flattenBundle(hyperkalemiaCase) });
    try {
      const launchUrl = `${demo.origin}/launch?iss=${encodeURIComponent(demo.fhirBase)}&launch=${encodeLaunch({ patient: 'teach-hyperkalemia' })}`;
      const authorizeUrl = await authorizeFrom(launchUrl, (smart) =>
        startLaunch({ url: launchUrl, smart, fetchImpl: nodeFetch }),
      );
      const back = await follow(authorizeUrl);
      render(
        <Boot
          smart={openPage(back.location ?? '')}
          loadEngine={loadEngine}
          fetchImpl={makeFetch({})}
          now={() => NOW}
        />,
      );
      expect(await screen.findByText('Record loaded', {}, { timeout: 5000 })).toBeTruthy();
      // The engine chunk loads lazily after the record: allow for a loaded machine (the default wait is 1 s).
      const ids = (await screen.findAllByRole('article', {}, { timeout: 10_000 })).map((a) =>
        a.getAttribute('data-finding-id'),
      );
      // The ACE inhibitor + potassium-sparing diuretic interaction of this teaching case (other rules may add more).
      expect(ids.some((id) => id?.startsWith('ddi-raas-potassium-sparing:'))).toBe(true);
    } finally {
      await demo.close();
    }
  });
});

describe('standalone launch', () => {
  it('asks for launch/patient and completes after the user picks a patient', async () => {
    const launchUrl = `${stack.origin}/launch?iss=${encodeURIComponent(stack.fhirBase)}`;
    const authorizeUrl = await authorizeFrom(launchUrl, (smart) =>
      startLaunch({ url: launchUrl, smart, fetchImpl: nodeFetch }),
    );
    expect(new URL(authorizeUrl).searchParams.get('scope')?.split(' ')).toContain('launch/patient');
    const picker = await follow(authorizeUrl);
    const back = await submitConsent(authorizeUrl, picker.body, {
      decision: 'allow',
      user: 'Practitioner/dr1',
      patient: 'p2',
    });
    renderBoot(back.location ?? '');
    expect(within(await screen.findByRole('banner', { name: 'Patient' })).getByText('Bob Byte')).toBeTruthy();
  });

  it('shows "access was not granted" when the user denies consent', async () => {
    const launchUrl = `${stack.origin}/launch?iss=${encodeURIComponent(stack.fhirBase)}`;
    const authorizeUrl = await authorizeFrom(launchUrl, (smart) =>
      startLaunch({ url: launchUrl, smart, fetchImpl: nodeFetch }),
    );
    const picker = await follow(authorizeUrl);
    const back = await submitConsent(authorizeUrl, picker.body, { decision: 'deny' });
    expect(back.location).toContain('error=access_denied');
    renderBoot(back.location ?? '');
    expect(await screen.findByRole('heading', { name: 'Access was not granted' })).toBeTruthy();
  });
});

describe('launch problems', () => {
  it('reports a missing iss', async () => {
    const problem = await startLaunch({ url: `${stack.origin}/launch`, smart: openPage(`${stack.origin}/launch`) });
    expect(problem).toEqual({ kind: 'missing-iss' });
  });

  it('reports a FHIR server that does not answer', async () => {
    const down = await startSmartStack({ resources });
    const iss = down.fhirBase;
    await down.close();
    const url = `${stack.origin}/launch?iss=${encodeURIComponent(iss)}&launch=x`;
    expect(await startLaunch({ url, smart: openPage(url), fetchImpl: nodeFetch })).toEqual({
      kind: 'server-unreachable',
      iss,
    });
  });

  it('shows a relaunch screen when the app is opened without a launch', async () => {
    sessionStorage.clear();
    renderBoot(`${appUrl()}?state=unknown&code=abc`);
    expect(await screen.findByRole('heading', { name: 'Launch information is missing' })).toBeTruthy();
  });
});
