import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../assets/themes/base.css';
import '../../assets/themes/official.css';
import '../../assets/themes/light.css';
import '../../assets/themes/contrast.css';
import './styles/app.css';
import { adoptTokenFromUrl } from './api/getApi.ts';
import { App } from './app/App.tsx';

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
