// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isSafeLink, Markdown } from '../../src/index.ts';
import { defineForm, renderForm, scorecardDefinition } from './support.tsx';

describe('markdown', () => {
  it('renders paragraphs, bold, italic, lists and links as elements', () => {
    const { container } = render(
      <Markdown
        source={
          '第一段 **加粗** 和 *强调*\n续行\n\n- 甲\n- 乙\n\n1. 一\n2. 二\n\n[帮助](https://example.com/help)'
        }
      />,
    );
    expect(container.querySelectorAll('p')).toHaveLength(2);
    expect(screen.getByText('加粗').tagName).toBe('STRONG');
    expect(screen.getByText('强调').tagName).toBe('EM');
    expect(container.querySelector('p')).toHaveTextContent('第一段 加粗 和 强调 续行');
    expect([...container.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['甲', '乙']);
    expect([...container.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual(['一', '二']);
    const link = screen.getByRole('link', { name: '帮助' });
    expect(link).toHaveAttribute('href', 'https://example.com/help');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('never renders raw HTML: tags stay text', () => {
    const { container } = render(
      <Markdown source={'<img src=x onerror="alert(1)"> <script>alert(2)</script> **<b>x</b>**'} />,
    );
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(container).toHaveTextContent('<img src=x onerror="alert(1)"> <script>alert(2)</script> <b>x</b>');
  });

  it('follows http and https links only', () => {
    expect(isSafeLink('https://a.cn')).toBe(true);
    expect(isSafeLink('http://a.cn')).toBe(true);
    expect(isSafeLink('javascript:alert(1)')).toBe(false);
    expect(isSafeLink('data:text/html,hi')).toBe(false);
    expect(isSafeLink('/relative')).toBe(false);
    render(<Markdown source="[点我](javascript:alert%281%29)" />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('点我').tagName).toBe('SPAN');
  });

  it('turns "---" into a divider and keeps escaped markup as text', () => {
    const { container } = render(<Markdown source={'上\n\n---\n\n\\*不是强调\\*'} />);
    expect(container.querySelector('hr')).not.toBeNull();
    expect(container).toHaveTextContent('*不是强调*');
    expect(container.querySelector('em')).toBeNull();
  });
});

describe('text nodes', () => {
  it('renders the scorecard’s markdown note in the current locale', () => {
    renderForm(scorecardDefinition(), { locale: 'en' });
    expect(screen.getByText('120%').tagName).toBe('STRONG');
    expect(screen.getByText(/Scores are capped at/)).toBeInTheDocument();
  });

  it('renders plain text as a paragraph and "---" as a divider', () => {
    const form = defineForm({
      properties: { a: { type: 'string' } },
      root: ['t1', 'hr', 'fa'],
      nodes: {
        t1: { type: 'text', content: '**不加粗**' },
        hr: { type: 'text', content: '---' },
        fa: { type: 'field', path: 'a' },
      },
    });
    const { container } = renderForm(form);
    expect(screen.getByText('**不加粗**').tagName).toBe('P');
    expect(container.querySelector('hr.fb-divider')).not.toBeNull();
    expect(screen.getByRole('separator')).toBeInTheDocument();
  });
});
