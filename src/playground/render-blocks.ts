/**
 * Block Kit blocks -> HTML (pure): header, section (text, fields, accessory), context, divider,
 * image, actions, input, table and a basic rich_text. Unknown blocks or elements are shown as raw
 * JSON (collapsible) and listed in the result's `unrendered`.
 */
import { escapeHtml, escapeText, mrkdwnToHtml, type MrkdwnContext } from './mrkdwn.ts';
import { element, imageElement, rawJson, textObject, type RenderContext } from './render-elements.ts';

type Json = Record<string, unknown>;

export interface RenderedBlocks {
  readonly html: string;
  /** Block or element types shown as raw JSON. */
  readonly unrendered: readonly string[];
}

const blockIdOf = (block: Json, index: number): string => (typeof block.block_id === 'string' ? block.block_id : `pg-block-${index}`);

function section(block: Json, blockId: string, ctx: RenderContext): string {
  const text = block.text ? `<div class="bk-section-text">${textObject(block.text, ctx)}</div>` : '';
  const fields = Array.isArray(block.fields) ? `<div class="bk-fields">${block.fields.map((f) => `<div class="bk-field">${textObject(f, ctx)}</div>`).join('')}</div>` : '';
  const accessory = block.accessory ? `<div class="bk-accessory">${element(block.accessory, blockId, ctx, 'accessory')}</div>` : '';
  if (!text && !fields) return rawJson(block, ctx, 'section without text or fields');
  return `<div class="bk-section"><div class="bk-section-main">${text}${fields}</div>${accessory}</div>`;
}

function contextBlock(block: Json, ctx: RenderContext): string {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  const parts = elements.map((e) => ((e as Json).type === 'image' ? imageElement(e as Json, ctx, 'bk-context-image') : `<span class="bk-context-text">${textObject(e, ctx)}</span>`));
  return `<div class="bk-context">${parts.join('')}</div>`;
}

function imageBlock(block: Json, ctx: RenderContext): string {
  const title = block.title ? `<div class="bk-image-title">${textObject(block.title, ctx)}</div>` : '';
  return `<figure class="bk-image">${title}${imageElement(block, ctx, 'bk-image-img')}</figure>`;
}

function actionsBlock(block: Json, blockId: string, ctx: RenderContext): string {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  return `<div class="bk-actions" data-block-id="${escapeHtml(blockId)}">${elements.map((e) => element(e, blockId, ctx, 'actions')).join('')}</div>`;
}

function inputBlock(block: Json, blockId: string, ctx: RenderContext): string {
  const optional = block.optional === true ? ' <span class="bk-optional">(optional)</span>' : '';
  const label = `<label class="bk-label">${textObject(block.label, ctx)}${optional}</label>`;
  const hint = block.hint ? `<div class="bk-hint">${textObject(block.hint, ctx)}</div>` : '';
  const error = `<div class="bk-error" data-error-for="${escapeHtml(blockId)}"></div>`;
  return `<div class="bk-input" data-block-id="${escapeHtml(blockId)}">${label}${element(block.element, blockId, ctx, 'input')}${hint}${error}</div>`;
}

/** rich_text: sections, lists, quotes and preformatted, with text, links, users and emoji. */
function richText(block: Json, ctx: RenderContext): string {
  const inline = (e: Json): string => {
    const style = (e.style ?? {}) as Record<string, boolean>;
    let html: string;
    if (e.type === 'text') html = escapeText(String(e.text ?? '')).replaceAll('\n', '<br>');
    else if (e.type === 'link') html = mrkdwnToHtml(`<${String(e.url)}${e.text ? `|${String(e.text)}` : ''}>`, ctx);
    else if (e.type === 'user') html = mrkdwnToHtml(`<@${String(e.user_id)}>`, ctx);
    else if (e.type === 'emoji') html = typeof e.unicode === 'string' ? String.fromCodePoint(...e.unicode.split('-').map((h) => parseInt(h, 16))) : `:${String(e.name)}:`;
    else return rawJson(e, ctx, `rich_text ${String(e.type)}`);
    if (style.code) html = `<code>${html}</code>`;
    if (style.bold) html = `<strong>${html}</strong>`;
    if (style.italic) html = `<em>${html}</em>`;
    if (style.strike) html = `<del>${html}</del>`;
    return html;
  };
  const part = (p: Json): string => {
    const inner = ((p.elements as Json[] | undefined) ?? []).map((e) => (p.type === 'rich_text_list' ? `<li>${part(e)}</li>` : inline(e))).join('');
    if (p.type === 'rich_text_section') return `<div>${inner}</div>`;
    if (p.type === 'rich_text_list') return p.style === 'ordered' ? `<ol>${inner}</ol>` : `<ul>${inner}</ul>`;
    if (p.type === 'rich_text_quote') return `<div class="quote">${inner}</div>`;
    if (p.type === 'rich_text_preformatted') return `<pre class="pre">${inner}</pre>`;
    return rawJson(p, ctx);
  };
  return `<div class="bk-rich-text">${((block.elements as Json[] | undefined) ?? []).map(part).join('')}</div>`;
}

function table(block: Json, ctx: RenderContext): string {
  const rows = Array.isArray(block.rows) ? (block.rows as Json[][]) : [];
  const settings = (Array.isArray(block.column_settings) ? block.column_settings : []) as ({ align?: string } | null)[];
  const cell = (c: Json, col: number, tag: 'th' | 'td') => {
    const align = settings[col]?.align;
    const body = c.type === 'raw_text' ? escapeText(String(c.text ?? '')) : c.type === 'rich_text' ? richText(c, ctx) : rawJson(c, ctx, `table cell ${String(c.type)}`);
    return `<${tag}${align ? ` style="text-align:${align === 'right' ? 'right' : align === 'center' ? 'center' : 'left'}"` : ''}>${body}</${tag}>`;
  };
  const html = rows.map((row, r) => `<tr>${row.map((c, col) => cell(c, col, r === 0 ? 'th' : 'td')).join('')}</tr>`).join('');
  return `<div class="bk-table-wrap"><table class="bk-table">${html}</table></div>`;
}

function block(raw: unknown, index: number, ctx: RenderContext): string {
  const b = (raw ?? {}) as Json;
  const blockId = blockIdOf(b, index);
  switch (b.type) {
    case 'header':
      return `<div class="bk-header">${textObject(b.text, ctx)}</div>`;
    case 'section':
      return section(b, blockId, ctx);
    case 'context':
      return contextBlock(b, ctx);
    case 'divider':
      return '<hr class="bk-divider">';
    case 'image':
      return imageBlock(b, ctx);
    case 'actions':
      return actionsBlock(b, blockId, ctx);
    case 'input':
      return inputBlock(b, blockId, ctx);
    case 'rich_text':
      return richText(b, ctx);
    case 'table':
      return table(b, ctx);
    default:
      return rawJson(b, ctx);
  }
}

/** Renders a message's or view's blocks. */
export function renderBlocks(blocks: readonly unknown[], names: MrkdwnContext): RenderedBlocks {
  const ctx: RenderContext = { userName: names.userName, unrendered: [] };
  const html = blocks.map((b, i) => block(b, i, ctx)).join('');
  return { html: `<div class="bk-blocks">${html}</div>`, unrendered: ctx.unrendered };
}

/** Renders a message's `text` when it has no blocks (mrkdwn, as Slack does). */
export function renderText(text: string, names: MrkdwnContext): string {
  return `<div class="bk-text-message">${mrkdwnToHtml(text, names)}</div>`;
}
