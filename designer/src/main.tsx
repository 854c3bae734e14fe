import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import './styles.css';
import { prefetchForLocation } from './pages/prefetch';
import { prefetchSession } from './auth/sessionPrefetch';

performance.mark('studio:start');
// The client page (a signed link) needs no session; every other page waits for it.
if (!window.location.pathname.startsWith('/client/')) prefetchSession();
prefetchForLocation(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
