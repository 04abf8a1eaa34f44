/** App entry at the SMART redirect URI (`/app/`). The engine is code-split: it loads while the record does. */
import { render } from 'preact';
import { readAppConfig } from '../app-config/app-config';
import { serviceFetch } from './api/service-fetch';
import { loadEngine } from './engine-loader';
import { createSmartApi } from './smart/smart-api';
import { Boot } from './ui/Boot';
import './app.css';

const now = () => new Date().toISOString();
const fetchImpl = serviceFetch(readAppConfig(document).serviceUrl, (...args) => globalThis.fetch(...args));

const root = document.getElementById('app');
if (root) render(<Boot smart={createSmartApi()} loadEngine={loadEngine} fetchImpl={fetchImpl} now={now} />, root);
