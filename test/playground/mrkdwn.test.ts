import { describe, expect, it } from 'vitest';
import { mrkdwnToHtml, plainTextToHtml } from '../../src/playground/mrkdwn.ts';

const names = { userName: (id: string) => ({ U0TOKCOST: 'tokcost', U0YOU: 'you' })[id] };
const html = (text: string) => mrkdwnToHtml(text, names);

describe('mrkdwnToHtml', () => {
  it('renders bold, italic and strike at word boundaries', () => {
    expect(html('Run *gpt-oss-120b* on _H200_ ~not~')).toBe('Run <strong>gpt-oss-120b</strong> on <em>H200</em> <del>not</del>');
    expect(html('*cost $0.44 → $0.50* / 1M')).toBe('<strong>cost $0.44 → $0.50</strong> / 1M');
    expect(html('"*quoted*", (_paren_)')).toBe('"<strong>quoted</strong>", (<em>paren</em>)');
  });

  it('leaves markers inside words and arithmetic alone', () => {
    expect(html('snake_case_name and 2*3*4 and file_v2_final')).toBe('snake_case_name and 2*3*4 and file_v2_final');
    expect(html('* not bold *')).toBe('* not bold *');
  });

  it('keeps code and pre literal: no formatting, escaped', () => {
    expect(html('`a *b* &lt;c&gt;`')).toBe('<code>a *b* &lt;c&gt;</code>');
    expect(html('Table:\n```\nplatform  $/M\nh100      *0.42*\n```\nafter')).toBe('Table:<pre class="pre">platform  $/M\nh100      *0.42*</pre>after');
  });

  it('renders links with labels, drops unsafe schemes, decodes Slack escapes', () => {
    expect(html('<https://a.example/x?a=1&amp;b=2|the docs>')).toBe('<a href="https://a.example/x?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">the docs</a>');
    expect(html('<https://a.example>')).toContain('>https://a.example</a>');
    expect(html('<javascript:alert(1)|click>')).toBe('click');
  });

  it('reads <word> as a link even inside code and pre, as Slack does, so a placeholder shows broken', () => {
    expect(html('`/tokcost tco <question>`')).toBe('<code>/tokcost tco <span class="bad-link" title="Slack reads this as a link">question</span></code>');
    expect(html('```\nset price <platform>\n```')).toContain('set price <span class="bad-link"');
    expect(html('`<@U0YOU>`')).toBe('<code><span class="mention" data-user="U0YOU">@you</span></code>');
    expect(html('`a &lt;b&gt;`')).toBe('<code>a &lt;b&gt;</code>');
  });

  it('renders user, channel and special mentions', () => {
    expect(html('<@U0YOU> asked')).toBe('<span class="mention" data-user="U0YOU">@you</span> asked');
    expect(html('<@U999|ada>')).toContain('@ada');
    expect(html('<#C123|general> <!here>')).toBe('<span class="mention channel">#general</span> <span class="mention special">@here</span>');
  });

  it('escapes HTML: app text never becomes markup', () => {
    expect(html('&lt;script&gt;alert(1)&lt;/script&gt; & <img src=x onerror=alert(1)>')).not.toContain('<script');
    expect(html('&lt;b&gt; &amp; c')).toBe('&lt;b&gt; &amp; c');
    expect(html('a \uE0000\uE001 b')).toBe('a 0 b');
  });

  it('keeps bullet lines and line breaks, quotes, emoji', () => {
    expect(html('• one\n• *two*')).toBe('• one<br>• <strong>two</strong>');
    expect(html('&gt; quoted\nnot')).toBe('<span class="quote">quoted</span><br>not');
    expect(html(':white_check_mark: done :unknown_emoji:')).toBe('✅ done :unknown_emoji:');
  });

  it('formats around links and code', () => {
    expect(html('*<https://x.example|bold link>*')).toBe('<strong><a href="https://x.example" target="_blank" rel="noopener noreferrer">bold link</a></strong>');
    expect(html('_asked: `x`_')).toBe('<em>asked: <code>x</code></em>');
  });
});

describe('plainTextToHtml', () => {
  it('escapes and keeps line breaks; emoji only when asked', () => {
    expect(plainTextToHtml('a <b> :tada:\nc')).toBe('a &lt;b&gt; 🎉<br>c');
    expect(plainTextToHtml(':tada:', false)).toBe(':tada:');
  });
});
