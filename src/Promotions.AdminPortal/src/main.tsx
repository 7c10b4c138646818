import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import './styles.css';
import { App } from './App';
import { loadConfig } from './auth/config';
import { session } from './auth/session';
import { setApiBase } from './api/client';

const root = createRoot(document.getElementById('root')!);
loadConfig().then((config) => {
  if (!config) {
    root.render(<div className="main"><div className="alert error" role="alert">The portal has no configuration (/config.json): it cannot sign anyone in.</div></div>);
    return;
  }
  session.configure(config.auth);
  setApiBase(config.apiBaseUrl);
  root.render(<StrictMode><BrowserRouter><App /></BrowserRouter></StrictMode>);
});
