import '@formboard/form-runtime/formboard.css';
import './styles.css';
import { QueryClient } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

const client = new QueryClient({
  // Permission and validation answers do not change by asking again; network hiccups might.
  defaultOptions: {
    queries: { retry: (count, error) => count < 2 && (error as { status?: number }).status === 0 },
  },
});

const root = document.getElementById('root');
if (root) createRoot(root).render(<App client={client} />);
