/** Entry point: translations for the address's language first, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app.js';
import { DEFAULT_LANGUAGE, initI18n, isLanguage } from './i18n.js';

const first = window.location.pathname.split('/')[1];
await initI18n(isLanguage(first) ? first : DEFAULT_LANGUAGE);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
