import { z } from 'zod';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../assets/themes/base.css';
import '../../assets/themes/official.css';
import '../../assets/themes/light.css';
import '../../assets/themes/contrast.css';
import './styles/app.css';
import { adoptTokenFromUrl } from './api/getApi.ts';
import { App } from './app/App.tsx';

// zod probes `new Function` to speed up validation; the CSP forbids it (rightly), so tell zod not to try.
z.config({ jitless: true });

// Before the first render: the token must leave the address bar before the router reads the fragment.
adoptTokenFromUrl();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
