/**
 * Block Kit elements and composition objects -> HTML (pure): text objects, buttons, selects, the
 * form inputs of a modal, images. Whatever it does not know becomes a collapsible raw-JSON box,
 * recorded in `unrendered`, so nothing the app sends is hidden.
 */
import { escapeHtml, escapeText, mrkdwnToHtml, plainTextToHtml, type MrkdwnContext } from './mrkdwn.ts';

export interface RenderContext extends MrkdwnContext {
  /** Types that fell back to raw JSON, in order (a test asserts this stays empty for tokcost). */
  readonly unrendered: string[];
}

type Json = Record<string, unknown>;
type TextObject = { type?: string; text?: string; emoji?: boolean };
type Option = { text?: TextObject; value?: string; description?: TextObject };

const SAFE_IMAGE = /^(https?:\/\/|\/files\/|data:image\/png;base64,)/i;

export function rawJson(value: unknown, ctx: RenderContext, what?: string): string {
  const type = what ?? String((value as Json | undefined)?.type ?? typeof value);
  ctx.unrendered.push(type);
  return (
    `<details class="raw-json" data-unrendered="${escapeHtml(type)}"><summary>Not rendered by the playground: <code>${escapeText(type)}</code> (raw JSON)</summary>` +
    `<pre>${escapeText(JSON.stringify(value, null, 2))}</pre></details>`
  );
}

/** A text object: mrkdwn or plain_text. */
export function textObject(value: unknown, ctx: RenderContext): string {
  const t = value as TextObject | undefined;
  if (!t || typeof t.text !== 'string') return value === undefined ? '' : rawJson(value, ctx, 'text object');
  if (t.type === 'mrkdwn') return mrkdwnToHtml(t.text, ctx);
  if (t.type === 'plain_text') return plainTextToHtml(t.text, t.emoji !== false);
  return rawJson(value, ctx, String(t.type));
}

const plain = (value: unknown): string => escapeText((value as TextObject | undefined)?.text ?? '');
const attr = (name: string, value: unknown): string => (value === undefined || value === null ? '' : ` ${name}="${escapeHtml(String(value))}"`);

function button(e: Json, blockId: string, ctx: RenderContext): string {
  const style = e.style === 'primary' || e.style === 'danger' ? ` ${e.style}` : '';
  const url = typeof e.url === 'string' && /^https?:/i.test(e.url) ? e.url : undefined;
  return (
    `<button type="button" class="bk-button${style}" data-element="button"${attr('data-block-id', blockId)}${attr('data-action-id', e.action_id)}` +
    `${attr('data-value', e.value)}${attr('data-url', url)}>${textObject(e.text, ctx)}</button>`
  );
}

const optionsOf = (e: Json): Option[] => [...((e.options as Option[] | undefined) ?? []), ...((e.option_groups as { options?: Option[] }[] | undefined) ?? []).flatMap((g) => g.options ?? [])];

function staticSelect(e: Json, blockId: string, interactive: boolean): string {
  const initial = (e.initial_option as Option | undefined)?.value;
  const placeholder = `<option value=""${initial === undefined ? ' selected' : ''}>${plain(e.placeholder) || 'Select an item'}</option>`;
  const options = optionsOf(e).map((o) => `<option${attr('value', o.value)}${o.value === initial ? ' selected' : ''}>${plain(o.text)}</option>`);
  const cls = interactive ? 'bk-select bk-dispatch' : 'bk-select';
  return `<select class="${cls}" data-element="static_select"${attr('data-block-id', blockId)}${attr('data-action-id', e.action_id)}>${placeholder}${options.join('')}</select>`;
}

function choiceList(e: Json, blockId: string, kind: 'checkbox' | 'radio'): string {
  const initial = new Set(((e.initial_options as Option[] | undefined) ?? (e.initial_option ? [e.initial_option as Option] : [])).map((o) => o.value));
  const name = `${blockId}:${String(e.action_id)}`;
  const items = optionsOf(e).map(
    (o) =>
      `<label class="bk-choice"><input type="${kind}"${attr('name', name)}${attr('value', o.value)}${initial.has(o.value) ? ' checked' : ''}> <span>${plain(o.text)}</span></label>`,
  );
  const placeholder = e.placeholder ? `<div class="bk-choices-hint">${plain(e.placeholder)}</div>` : '';
  return `<div class="bk-choices" data-element="${escapeHtml(String(e.type))}"${attr('data-block-id', blockId)}${attr('data-action-id', e.action_id)}>${placeholder}${items.join('')}</div>`;
}

function textInput(e: Json, blockId: string): string {
  const common = `data-element="${escapeHtml(String(e.type))}"${attr('data-block-id', blockId)}${attr('data-action-id', e.action_id)}${attr('placeholder', (e.placeholder as TextObject | undefined)?.text)}`;
  if (e.type === 'plain_text_input' && e.multiline === true) return `<textarea class="bk-text" ${common}>${escapeText(String(e.initial_value ?? ''))}</textarea>`;
  const type = e.type === 'number_input' ? 'number' : e.type === 'email_text_input' ? 'email' : e.type === 'url_text_input' ? 'url' : e.type === 'datepicker' ? 'date' : 'text';
  const numberAttrs = e.type === 'number_input' ? `${attr('min', e.min_value)}${attr('max', e.max_value)} step="${e.is_decimal_allowed === true ? 'any' : '1'}" inputmode="decimal"` : '';
  const initial = e.type === 'datepicker' ? e.initial_date : e.initial_value;
  return `<input class="bk-text" type="${type}" ${common}${numberAttrs}${attr('value', initial)}>`;
}

export function imageElement(e: Json, ctx: RenderContext, cls = 'bk-image-element'): string {
  const url = typeof e.image_url === 'string' ? e.image_url : undefined;
  if (!url || !SAFE_IMAGE.test(url)) return rawJson(e, ctx);
  return `<img class="${cls}" src="${escapeHtml(url)}" alt="${escapeHtml(String(e.alt_text ?? ''))}">`;
}

/** An interactive or input element inside a section, actions or input block. */
export function element(e: unknown, blockId: string, ctx: RenderContext, where: 'actions' | 'input' | 'accessory'): string {
  const el = (e ?? {}) as Json;
  switch (el.type) {
    case 'button':
      return where === 'input' ? rawJson(el, ctx) : button(el, blockId, ctx);
    case 'static_select':
      return staticSelect(el, blockId, where !== 'input');
    case 'multi_static_select':
    case 'checkboxes':
      return choiceList(el, blockId, 'checkbox');
    case 'radio_buttons':
      return choiceList(el, blockId, 'radio');
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'datepicker':
      return where === 'input' ? textInput(el, blockId) : rawJson(el, ctx);
    case 'image':
      return imageElement(el, ctx, 'bk-accessory-image');
    default:
      return rawJson(el, ctx);
  }
}
