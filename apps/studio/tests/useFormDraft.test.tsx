import { FormView, openFormEngine } from '@formboard/form-runtime';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo } from 'react';
import { describe, expect, it } from 'vitest';
import { draftKey, useFormDraft } from '../src/forms/useFormDraft.ts';
import { starterForm } from './starterForm.ts';

const checkIn = starterForm('check-in');
const key = draftKey('zhangsan', checkIn.id, 3);

function Fill() {
  const engine = useMemo(() => openFormEngine(checkIn, { locale: 'zh-CN' }), []);
  const discard = useFormDraft(engine, key);
  return (
    <>
      <FormView engine={engine} locale="zh-CN" />
      <button type="button" onClick={discard}>
        stored
      </button>
    </>
  );
}

const discardStored = (draft: string) => localStorage.removeItem(draft);

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

    discardStored(key);
    render(<Fill />);
    expect(screen.getByRole('textbox', { name: '本周数值' })).toHaveValue('');
  });

  it('forgets the draft once the record is stored, even with a save still pending', async () => {
    const user = userEvent.setup();
    const view = render(<Fill />);
    await user.type(screen.getByRole('textbox', { name: '本周数值' }), '7');
    await user.click(screen.getByRole('button', { name: 'stored' }));
    view.unmount(); // the pending save would have run here
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('drops a draft that no longer parses instead of half-applying it', () => {
    localStorage.setItem(key, '{not json');
    render(<Fill />);
    expect(localStorage.getItem(key)).toBeNull();
    expect(screen.getByRole('textbox', { name: '本周数值' })).toHaveValue('');
  });
});
