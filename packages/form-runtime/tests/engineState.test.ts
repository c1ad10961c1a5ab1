import type { FormDefinition } from '@formboard/schema';
import { describe, expect, it, vi } from 'vitest';
import { createFormEngine, openFormEngine } from '../src/index.ts';
import { createTestForm, filledScorecard as filled, scorecardDefinition } from './support.ts';

describe('field states', () => {
  it('keep their identity across changes of other fields, and change with their own', () => {
    const form = createTestForm({ value: filled });
    const employee = form.getFieldState('employee');
    const weight = form.getFieldState('kpis[1].weight');
    form.setValue('comment', 'y');
    form.setValue('kpis[0].actual', 50);
    expect(form.getFieldState('employee')).toBe(employee);
    expect(form.getFieldState('kpis[1].weight')).toBe(weight);
    form.setValue('employee', 'u-lisi');
    expect(form.getFieldState('employee')).not.toBe(employee);
    expect(form.getFieldState('employee').value).toBe('u-lisi');
  });

  it('follow rule answers that flip without their own value changing', () => {
    const form = createTestForm({ value: { ...filled, status: 'draft' } });
    const comment = form.getFieldState('comment');
    expect(comment.visible).toBe(false);
    form.setValue('status', 'submitted');
    expect(form.getFieldState('comment')).not.toBe(comment);
    expect(form.getFieldState('comment').visible).toBe(true);
  });

  it('give the form state the same object until something it holds changes', () => {
    const form = createTestForm({ value: filled });
    const start = form.getFormState();
    expect(form.getFormState()).toBe(start);
    form.blur('comment');
    expect(form.getFormState()).toBe(start);
    form.setValue('comment', 'x');
    expect(form.getFormState()).not.toBe(start);
    expect(form.getFormState().dirty).toBe(true);
  });
});

describe('values', () => {
  it('hand out snapshots that later changes never touch', () => {
    const form = createTestForm({ value: filled });
    const before = form.getValue() as Record<string, unknown>;
    const rows = form.getValue('kpis');
    form.setValue('comment', 'changed');
    form.setValue('kpis[0].actual', 10);
    expect(before.comment).toBeUndefined();
    expect(form.getValue('kpis')).not.toBe(rows);
    expect((rows as { actual: number }[])[0]?.actual).toBe(90);
    expect(form.getValue('comment')).toBe('changed');
    expect((form.getValue() as Record<string, unknown>).comment).toBe('changed');
    expect(form.getValue('')).toBe(form.getValue());
  });

  it('share the branches a change does not touch', () => {
    const form = createTestForm({ value: filled });
    const rows = form.getValue('kpis');
    form.setValue('comment', 'x');
    expect(form.getValue('kpis')).toBe(rows);
  });
});

describe('openFormEngine', () => {
  it('opens a published definition without validating it again, and works as createFormEngine', () => {
    const definition = scorecardDefinition() as unknown as FormDefinition;
    const opened = openFormEngine(definition, { value: filled });
    const created = createFormEngine(definition, { value: filled });
    expect(opened.getValue()).toEqual(created.getValue());
    expect(opened.submit()).toEqual(created.submit());
    expect(opened.fields.fields.get('kpis[].weight')?.kind).toBe('number');
  });
});

describe('validate()', () => {
  it('shows the problems it finds to the fields’ listeners', () => {
    const form = createTestForm({ value: { ...filled, employee: undefined } });
    const heard = vi.fn();
    form.subscribe('employee', heard);
    const issues = form.validate();
    expect(issues.map((i) => i.path)).toContain('employee');
    expect(heard).toHaveBeenCalledTimes(1);
    expect(form.getFieldState('employee').issues.map((i) => i.keyword)).toEqual(['required']);
    expect(form.getFieldState('employee').touched).toBe(false);
  });
});

describe('listeners', () => {
  it('tell a table’s cells when its rows move, and nothing else', () => {
    const form = createTestForm({ value: filled });
    const cell = vi.fn();
    const other = vi.fn();
    form.subscribe('kpis[1].weight', cell);
    form.subscribe('employee', other);
    form.moveRow('kpis', 0, 1);
    expect(cell).toHaveBeenCalledTimes(1);
    expect(other).not.toHaveBeenCalled();
  });

  it('stop after unsubscribing, also when a path is subscribed again', () => {
    const form = createTestForm({ value: filled });
    const first = vi.fn();
    const second = vi.fn();
    const stop = form.subscribe('comment', first);
    stop();
    const stopSecond = form.subscribe('comment', second);
    stop();
    form.setValue('comment', 'x');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    stopSecond();
  });
});
