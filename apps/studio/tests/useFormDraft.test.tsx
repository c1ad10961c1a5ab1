import { FormView, openFormEngine } from '@formboard/form-runtime';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo } from 'react';
import { describe, expect, it } from 'vitest';
import { discardDraft, draftKey, useFormDraft } from '../src/forms/useFormDraft.ts';
import { starterForm } from './starterForm.ts';

const checkIn = starterForm('check-in');
const key = draftKey('zhangsan', checkIn.id, 3);

function Fill() {
  const engine = useMemo(() => openFormEngine(checkIn, { locale: 'zh-CN' }), []);
  useFormDraft(engine, key);
  return <FormView engine={engine} locale="zh-CN" />;
}

describe('form drafts', () => {
  it('keeps what was typed across a reload (unmount, mount) and forgets it when discarded', async () => {
    const user = userEvent.setup();
    const first = render(<Fill />);
    await user.type(screen.getByRole('textbox', { name: '本周数值' }), '42');
    first.unmount(); // a reload: the pending save is flushed on the way out
    expect(localStorage.getItem(key)).not.toBeNull();

    const second = render(<Fill />);
    await waitFor(() => expect(screen.getByRole('textbox', { name: '本周数值' })).toHaveValue('42'));
    second.unmount();

    discardDraft(key);
    render(<Fill />);
    expect(screen.getByRole('textbox', { name: '本周数值' })).toHaveValue('');
  });

  it('drops a draft that no longer parses instead of half-applying it', () => {
    localStorage.setItem(key, '{not json');
    render(<Fill />);
    expect(localStorage.getItem(key)).toBeNull();
    expect(screen.getByRole('textbox', { name: '本周数值' })).toHaveValue('');
  });
});
