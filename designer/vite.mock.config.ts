import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config';
import { mockApi } from './mock/mockApi';

// Dev and preview against the in-memory API stand-in (mock/mockApi.ts): npm run dev:mock, npm run preview:mock.
export default defineConfig((env) => mergeConfig(base(env), { plugins: [mockApi()] }));
