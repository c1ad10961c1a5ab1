import { render } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { type Mock, vi } from 'vitest';
import { type Form, FormDesigner, type FormDesignerProps, type FormDesignerStore } from '../../src/index.ts';
import { checkInForm, createTestDesigner } from '../fixtures.ts';

/** What a designer test drives. */
export interface DesignerTest {
  readonly designer: FormDesignerStore;
  readonly onChange: Mock;
  readonly user: UserEvent;
  readonly unmount: () => void;
}

/** Renders <FormDesigner> over a test designer (counting ids) and returns what tests drive it with. */
export function renderDesigner(
  definition: Form = checkInForm(),
  props: Partial<FormDesignerProps> = {},
): DesignerTest {
  const designer = createTestDesigner(definition);
  const onChange = vi.fn();
  const user = userEvent.setup();
  const view = render(
    <FormDesigner
      definition={designer.getState().document}
      designer={designer}
      onChange={onChange}
      today="2026-11-27"
      {...props}
    />,
  );
  return { designer, onChange, user, unmount: view.unmount };
}

/** The current document. */
export const docOf = (designer: FormDesignerStore): Form => designer.getState().document;
