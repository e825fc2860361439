import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { QuickAccess } from './features/quick/QuickAccess';
import { isQuickRoute } from './features/quick/filter';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>{isQuickRoute(window.location) ? <QuickAccess /> : <App />}</StrictMode>,
);
