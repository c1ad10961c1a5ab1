// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createEmptyForm } from '../../src/index.ts';
import { docOf, renderDesigner } from './renderDesigner.tsx';

describe('the palette', () => {
  it('lists items in named groups, in zh-CN or en', () => {
    renderDesigner();
    const palette = screen.getByRole('navigation', { name: '组件' });
    expect(within(palette).getByRole('heading', { name: '基础字段' })).toBeInTheDocument();
    expect(within(palette).getByRole('button', { name: '添加 下拉选择' })).toBeInTheDocument();
  });

  it('speaks English when asked', () => {
    renderDesigner(undefined, { locale: 'en' });
    const palette = screen.getByRole('navigation', { name: 'Components' });
    expect(within(palette).getByRole('heading', { name: 'Layout' })).toBeInTheDocument();
    expect(within(palette).getByRole('button', { name: 'Add Repeating table' })).toBeInTheDocument();
  });

  it('filters by name in either language and by keyword', async () => {
    const { user } = renderDesigner();
    const search = screen.getByRole('searchbox', { name: '搜索组件' });
    await user.type(search, '日期');
    const palette = screen.getByRole('navigation', { name: '组件' });
    // Each card shows its name; its accessible name says what it does.
    expect(
      within(palette)
        .getAllByRole('button')
        .map((b) => b.querySelector('span[aria-hidden="true"]')?.textContent),
    ).toEqual(['日期', '日期时间', '日期范围']);
    expect(within(palette).getByRole('button', { name: '添加 日期范围' })).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'dropdown');
    expect(within(palette).getAllByRole('button')).toHaveLength(1);
    expect(within(palette).getByRole('button', { name: '添加 下拉选择' })).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'zzz');
    expect(within(palette).getByText('没有匹配的组件')).toBeInTheDocument();
  });

  it('adds an item by click (or Enter) next to the selection and selects it', async () => {
    const { user, designer } = renderDesigner(createEmptyForm('f', '表单'));
    await user.click(screen.getByRole('button', { name: '添加 数字' }));
    expect(docOf(designer).layout.root).toHaveLength(1);
    const panel = screen.getByRole('complementary', { name: '属性' });
    expect(within(panel).getByRole('heading', { name: '数字' })).toBeInTheDocument();
    screen.getByRole('button', { name: '添加 分组' }).focus();
    await user.keyboard('{Enter}');
    expect(docOf(designer).layout.root).toHaveLength(2);
  });
});
