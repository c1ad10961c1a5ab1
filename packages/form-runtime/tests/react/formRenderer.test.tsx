// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  createFormEngine,
  createMemoryOptionSource,
  type FormEngine,
  FormHostProvider,
  FormRenderer,
  useFieldState,
} from '../../src/index.ts';
import { defineForm, scorecardDefinition } from './support.tsx';

/** A page that re-renders around its form. */
function Page({ definition }: { readonly definition: unknown }) {
  const [count, setCount] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setCount(count + 1)}>
        刷新 {count}
      </button>
      <FormRenderer definition={definition} />
    </>
  );
}

/** Host UI outside the form, following one field. */
function ScoreBadge({ engine }: { readonly engine: FormEngine }) {
  const score = useFieldState(engine, 'score');
  return <p>得分徽章 {String(score.value)}</p>;
}

describe('FormRenderer', () => {
  it('renders a definition with its own engine and submits the clean value', async () => {
    const onSubmit = vi.fn();
    const definition = defineForm({
      properties: { title: { type: 'string', title: '标题' } },
      required: ['title'],
    });
    render(
      <FormRenderer
        definition={definition}
        options={{ value: { title: '周报' }, locale: 'en' }}
        onSubmit={onSubmit}
      />,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith({ title: '周报' });
  });

  it('keeps its fields inside the <form> and their events bubbling to the page', async () => {
    // The fields are rendered through a portal (FormView): in the DOM they are the form's, and React
    // events from them still reach handlers above the form; Enter in a field submits it.
    const onSubmit = vi.fn();
    const keys: string[] = [];
    render(
      // biome-ignore lint/a11y/noStaticElementInteractions: a page's handler of key presses bubbling from the form
      <div onKeyDown={(event) => keys.push(event.key)}>
        <FormRenderer
          definition={defineForm({ properties: { title: { type: 'string', title: '标题' } } })}
          onSubmit={onSubmit}
        />
      </div>,
    );
    const input = screen.getByRole('textbox', { name: '标题' }) as HTMLInputElement;
    const form = screen.getByRole('form');
    expect(input.form).toBe(form);
    expect(form).toContainElement(screen.getByRole('button', { name: '提交' }));
    await userEvent.setup().type(input, '周报{Enter}');
    expect(keys).toEqual(['周', '报', 'Enter']);
    expect(onSubmit).toHaveBeenCalledWith({ title: '周报' });
  });

  it('keeps its engine across re-renders of the page', async () => {
    render(<Page definition={defineForm({ properties: { title: { type: 'string', title: '标题' } } })} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: '标题' }), '草稿');
    await user.click(screen.getByRole('button', { name: '刷新 0' }));
    expect(screen.getByRole('textbox', { name: '标题' })).toHaveValue('草稿');
  });

  it('takes host adapters from a FormHostProvider', async () => {
    const users = createMemoryOptionSource([{ id: 'u-1', label: '赵六' }]);
    const engine = createFormEngine(scorecardDefinition(), { value: { employee: 'u-1' } });
    render(
      <FormHostProvider host={{ directory: { users, orgUnits: createMemoryOptionSource([]) } }}>
        <FormRenderer engine={engine} />
      </FormHostProvider>,
    );
    expect(await screen.findByDisplayValue('赵六')).toHaveAccessibleName('员工');
  });

  it('lets host components outside the form follow a field with useFieldState', async () => {
    const engine = createFormEngine(scorecardDefinition(), {
      value: { kpis: [{ name: '甲', weight: 100, target: 10, actual: 5 }] },
    });
    render(
      <>
        <ScoreBadge engine={engine} />
        <FormRenderer engine={engine} hideTitle />
      </>,
    );
    expect(screen.getByText('得分徽章 50')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'KPI 计分卡' })).toBeNull();
    const actual = screen.getByRole('textbox', { name: '实际值（第 1 行）' });
    const user = userEvent.setup();
    await user.clear(actual);
    await user.type(actual, '10');
    expect(screen.getByText('得分徽章 100')).toBeInTheDocument();
  });
});
