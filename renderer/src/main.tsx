// The renderer's entry: languages first, then the stored session (opened offline if need be).
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadOpeningPage, warmOpeningLists } from './app/router';
import { registerServiceWorker } from './app/serviceWorker';
import { resumeSession } from './session/lifecycle';

warmOpeningLists();
void resumeSession();
preloadOpeningPage(window.location.hash);
registerServiceWorker();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
