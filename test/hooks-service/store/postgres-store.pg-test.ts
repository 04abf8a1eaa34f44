import { createStore } from '../../../hooks-service/store/create-store.ts';
import { requireDatabaseUrl } from './pg-env.ts';
import { describeSharedStoreContracts } from './store-contract.ts';

const databaseUrl = requireDatabaseUrl();
describeSharedStoreContracts('PostgreSQL', () => createStore({ kind: 'postgres', databaseUrl }, { jtiSweepMs: 0 }));
