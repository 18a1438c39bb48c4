import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../src/playground/render-blocks.ts';

const names = { userName: (id: string) => (id === 'U0TOKCOST' ? 'tokcost' : undefined) };
const GOLDEN_DIR = join(import.meta.dirname, '..', 'golden', 'slack');

/** What the page renders for each type (surfaces are the modal and App Home panes themselves). */
const MARKUP: Readonly<Record<string, string>> = {
  header: 'class="bk-header"',
  section: 'class="bk-section"',
  context: 'class="bk-context"',
  divider: 'class="bk-divider"',
  actions: 'class="bk-actions"',
  input: 'class="bk-input"',
  image: 'class="bk-image',
  button: 'data-element="button"',
  static_select: 'data-element="static_select"',
  multi_static_select: 'data-element="multi_static_select"',
  number_input: 'data-element="number_input"',
  plain_text_input: 'data-element="plain_text_input"',
  mrkdwn: '<strong>',
  plain_text: 'class="bk-label"',
  modal: '',
  home: '',
};

/** Every `type` value in a JSON tree (blocks, elements, text objects, views). */
function typesIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => typesIn(v, into));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.type === 'string') into.add(o.type);
    Object.values(o).forEach((v) => typesIn(v, into));
  }
  return into;
}

describe('renderBlocks on the golden Block Kit files', () => {
  const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json'));

  it('finds the golden files', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s renders every block and element without the raw-JSON fallback', (file) => {
    const golden = JSON.parse(readFileSync(join(GOLDEN_DIR, file), 'utf8')) as { blocks?: unknown[] };
    const rendered = renderBlocks(golden.blocks ?? [], names);
    expect(rendered.unrendered).toEqual([]);
    expect(rendered.html).not.toContain('raw-json');
  });

  it('renders every type the golden files use, each with its own markup', () => {
    const all = new Set<string>();
    for (const file of files) typesIn(JSON.parse(readFileSync(join(GOLDEN_DIR, file), 'utf8')), all);
    const blocks = files.flatMap((f) => (JSON.parse(readFileSync(join(GOLDEN_DIR, f), 'utf8')) as { blocks?: unknown[] }).blocks ?? []);
    const { html } = renderBlocks(blocks, names);
    const unknown = [...all].filter((type) => !(type in MARKUP));
    expect(unknown, 'a new Block Kit type in the golden files: teach render-blocks and MARKUP about it').toEqual([]);
    for (const type of all) expect(html, type).toContain(MARKUP[type]);
  });
});

describe('renderBlocks', () => {
  it('renders header, section text and fields, context, divider, actions', () => {
    const { html, unrendered } = renderBlocks(
      [
        { type: 'header', text: { type: 'plain_text', text: 'tokcost · <b>', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'Run *x*' }, fields: [{ type: 'mrkdwn', text: '*Platform*\nH100' }] },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '_why_' }, { type: 'image', image_url: 'https://x.example/i.png', alt_text: 'i' }] },
        { type: 'divider' },
        { type: 'actions', block_id: 'acts', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Go' }, action_id: 'go', value: 'v1', style: 'primary' }] },
      ],
      names,
    );
    expect(unrendered).toEqual([]);
    expect(html).toContain('<div class="bk-header">tokcost · &lt;b&gt;</div>');
    expect(html).toContain('<div class="bk-section-text">Run <strong>x</strong></div>');
    expect(html).toContain('<div class="bk-field"><strong>Platform</strong><br>H100</div>');
    expect(html).toContain('<em>why</em>');
    expect(html).toContain('<hr class="bk-divider">');
    expect(html).toMatch(/<button type="button" class="bk-button primary" data-element="button" data-block-id="acts" data-action-id="go" data-value="v1">Go<\/button>/);
  });

  it('renders modal inputs with their initial values and options', () => {
    const { html, unrendered } = renderBlocks(
      [
        { type: 'input', block_id: 'n', label: { type: 'plain_text', text: 'N' }, element: { type: 'number_input', action_id: 'n', is_decimal_allowed: true, min_value: '1', initial_value: '2.5' } },
        { type: 'input', block_id: 'm', optional: true, label: { type: 'plain_text', text: 'M' }, element: { type: 'static_select', action_id: 'm', options: [{ text: { type: 'plain_text', text: 'A' }, value: 'a' }], initial_option: { text: { type: 'plain_text', text: 'A' }, value: 'a' } } },
        { type: 'input', block_id: 'p', label: { type: 'plain_text', text: 'P' }, element: { type: 'multi_static_select', action_id: 'p', options: [{ text: { type: 'plain_text', text: 'B' }, value: 'b' }], initial_options: [{ text: { type: 'plain_text', text: 'B' }, value: 'b' }] } },
        { type: 'input', block_id: 't', label: { type: 'plain_text', text: 'T' }, element: { type: 'plain_text_input', action_id: 't', multiline: true, initial_value: 'x<y' } },
      ],
      names,
    );
    expect(unrendered).toEqual([]);
    expect(html).toContain('type="number"');
    expect(html).toContain('min="1" step="any"');
    expect(html).toContain('value="2.5"');
    expect(html).toContain('<option value="a" selected>A</option>');
    expect(html).toContain('(optional)');
    expect(html).toContain('value="b" checked');
    expect(html).toContain('<textarea class="bk-text" data-element="plain_text_input" data-block-id="t" data-action-id="t">x&lt;y</textarea>');
    expect(html).toContain('data-error-for="n"');
  });

  it('renders a table block and basic rich_text', () => {
    const { html, unrendered } = renderBlocks(
      [
        { type: 'table', column_settings: [null, { align: 'right' }], rows: [[{ type: 'raw_text', text: 'Platform' }, { type: 'raw_text', text: '$/M' }], [{ type: 'raw_text', text: 'H100' }, { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: '0.42', style: { bold: true } }] }] }]] },
        { type: 'rich_text', elements: [{ type: 'rich_text_list', style: 'bullet', elements: [{ type: 'rich_text_section', elements: [{ type: 'user', user_id: 'U0TOKCOST' }] }] }] },
      ],
      names,
    );
    expect(unrendered).toEqual([]);
    expect(html).toContain('<th>Platform</th><th style="text-align:right">$/M</th>');
    expect(html).toContain('<strong>0.42</strong>');
    expect(html).toContain('<ul><li><div><span class="mention" data-user="U0TOKCOST">@tokcost</span></div></li></ul>');
  });

  it('shows unknown blocks and elements as collapsible raw JSON and reports them', () => {
    const { html, unrendered } = renderBlocks(
      [
        { type: 'video', title: { type: 'plain_text', text: 'v' } },
        { type: 'actions', elements: [{ type: 'overflow', action_id: 'o', options: [] }] },
        { type: 'image', image_url: 'javascript:alert(1)', alt_text: 'x' },
      ],
      names,
    );
    expect(unrendered).toEqual(['video', 'overflow', 'image']);
    expect(html).toContain('<details class="raw-json" data-unrendered="video">');
    expect(html).toContain('"type": "overflow"');
    expect(html).not.toContain('src="javascript:');
  });
});
