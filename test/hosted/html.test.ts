import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from '../../mock-server/hosted/html.js';

const ATTACK = `"><script>alert('x')</script><img src=x onerror=alert(1)>&amp;`;

describe('hosted pages: the html template escapes what it interpolates', () => {
  it('when a value from a request is interpolated in text or an attribute, then it cannot become markup', () => {
    const page = html`<p title="${ATTACK}">${ATTACK}</p>`.value;
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;">' +
        '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;</p>',
    );
  });

  it('when fragments are nested, then each is escaped once (not twice), and lists are joined', () => {
    const item = (name: string) => html`<li>${name}</li>`;
    // prettier-ignore
    const list = html`<ul>${['a&b', '<c>'].map(item)}</ul>`;
    expect(list.value).toBe('<ul><li>a&amp;b</li><li>&lt;c&gt;</li></ul>');
  });

  it('when a value is missing or false, then it renders as nothing; numbers and true as text', () => {
    expect(html`[${undefined}${null}${false}${0}${true}]`.value).toBe('[0true]');
  });

  it('when markup is trusted (raw), then it goes in as it is, and only then', () => {
    expect(html`<div>${raw('<svg></svg>')}</div>`.value).toBe('<div><svg></svg></div>');
    expect(html`<div>${'<svg></svg>'}</div>`.value).toBe('<div>&lt;svg&gt;&lt;/svg&gt;</div>');
  });

  it('when plain text is escaped, then all five special characters are', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
