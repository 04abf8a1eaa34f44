/**
 * fhirclient's browser API with two Cairn changes (fhirclient picks its environment through an adapter,
 * so we subclass the browser adapter instead of patching the library):
 * - launch state storage falls back to memory when sessionStorage is unusable (see storage.ts);
 * - the page URL and the redirect can be injected, so launch-flow tests drive real fhirclient against real servers.
 */
import BrowserAdapterModule from 'fhirclient/lib/adapters/BrowserAdapter';
import type Client from 'fhirclient/lib/Client';
import type { fhirclient } from 'fhirclient/lib/types';
import { createStateStorage, type StateStorage } from './storage';

export type SmartClient = Client;
export type AuthorizeParams = fhirclient.AuthorizeParams;

export interface SmartEnvironment {
  /** The page URL (defaults to `location`). */
  url?: string;
  /** Where to send the browser (defaults to assigning `location.href`). */
  redirect?: (to: string) => void;
  storage?: StateStorage;
}

export interface SmartApi {
  authorize(params: AuthorizeParams): Promise<string | void>;
  ready(): Promise<SmartClient>;
  storageKind: 'session' | 'memory' | 'injected';
}

type AdapterClass = typeof BrowserAdapterModule;

/** Node's ESM loader (vitest) hands us the CommonJS exports object; bundlers hand us `exports.default`. */
function unwrapDefault(mod: AdapterClass | { default: AdapterClass }): AdapterClass {
  return typeof mod === 'function' ? mod : mod.default;
}

const BrowserAdapter = unwrapDefault(BrowserAdapterModule as AdapterClass | { default: AdapterClass });

/** Builds the SMART API (authorize/ready) over a Cairn-configured browser adapter. */
export function createSmartApi(env: SmartEnvironment = {}): SmartApi {
  const chosen = env.storage ? { storage: env.storage, kind: 'injected' as const } : createStateStorage();

  class CairnAdapter extends BrowserAdapter {
    override getUrl(): URL {
      return env.url ? new URL(env.url) : super.getUrl();
    }

    override redirect(to: string): void {
      if (env.redirect) env.redirect(to);
      else super.redirect(to);
    }

    override getStorage(): ReturnType<InstanceType<AdapterClass>['getStorage']> {
      return chosen.storage as ReturnType<InstanceType<AdapterClass>['getStorage']>;
    }
  }

  // replaceBrowserHistory drops `code` from the address bar so a reload does not redeem the code twice. The launch is
  // keyed by the `state` left in this window's URL (fullSessionStorageSupport: false), never by fhirclient's one
  // "current launch" pointer in sessionStorage: embedded browsers (Oracle Health) may share sessionStorage between
  // app instances, and a second launch would take that pointer over — and delete the first launch's state.
  const api = new CairnAdapter({ replaceBrowserHistory: true, fullSessionStorageSupport: false }).getSmartApi();
  return {
    authorize: (params) => api.authorize(params),
    ready: () => api.ready(),
    storageKind: chosen.kind,
  };
}
