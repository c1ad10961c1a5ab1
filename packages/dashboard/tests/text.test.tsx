import type { DashboardDefinition } from '@formboard/schema';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '../src/index.ts';
import { fakeLoader, fixture, only } from './support.ts';

describe('text widget', () => {
  it('renders the fixture markdown per locale without asking the loader', async () => {
    const { loader, calls } = fakeLoader({});
    render(
      <Dashboard definition={only(fixture('dashboard-performance'), 'guide')} loader={loader} locale="en" />,
    );
    expect(screen.getByRole('heading', { name: 'How to read this board' })).toBeInTheDocument();
    expect(screen.getByText('Score').tagName).toBe('STRONG');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(calls).toEqual([]);
  });

  it('shows raw HTML as text and drops unsafe links', () => {
    const definition: DashboardDefinition = {
      ...fixture('dashboard-performance'),
      filters: [],
      widgets: [
        {
          id: 'note',
          type: 'text',
          layout: { x: 0, y: 0, w: 6, h: 3 },
          content: '<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))',
        },
      ],
    };
    const { container } = render(<Dashboard definition={definition} loader={fakeLoader({}).loader} />);
    expect(container.querySelector('script, img')).toBeNull();
    expect(container).toHaveTextContent('<script>alert(1)</script>');
    expect(screen.queryByRole('link')).toBeNull();
  });
});
