// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from '../../src/app/ui/Markdown';

afterEach(cleanup);

describe('Markdown', () => {
  it('renders paragraphs, lists, emphasis, code and https links', () => {
    render(
      <Markdown
        source={'Use **less** *now* and `INR`.\n\n- one\n- two\n\n1. first\n\nSee [KDIGO](https://kdigo.org).'}
      />,
    );
    expect(screen.getByText('less').tagName).toBe('STRONG');
    expect(screen.getByText('now').tagName).toBe('EM');
    expect(screen.getByText('INR').tagName).toBe('CODE');
    expect(screen.getAllByRole('list')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'KDIGO' }).getAttribute('href')).toBe('https://kdigo.org');
  });

  it('renders raw HTML as text instead of injecting it', () => {
    const { container } = render(<Markdown source={'<img src=x onerror="alert(1)"> <script>alert(2)</script>'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('drops links that are not http(s)', () => {
    render(<Markdown source={'[click](javascript:alert(1))'} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText(/click/)).toBeTruthy();
  });
});
