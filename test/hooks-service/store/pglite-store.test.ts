import { createStore } from '../../../hooks-service/store/create-store.ts';
import { describeSharedStoreContracts } from './store-contract.ts';

// In-memory PGlite (on the main thread), one for the file.
describeSharedStoreContracts('PGlite', () => createStore({ kind: 'pglite' }, { jtiSweepMs: 0 }));
