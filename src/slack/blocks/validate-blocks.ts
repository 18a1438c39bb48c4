/**
 * Checks Block Kit payloads against Slack's documented limits (docs.slack.dev/reference/block-kit)
 * so tests fail before Slack answers `invalid_blocks`. Returns a list of problems, each with a path.
 */

export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };
const LIMITS = {
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  optionText: 75,
  optionValue: 150,
  options: 100,
  inputLabel: 2000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  messageText: 40_000,
} as const;

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (isObj(v) && typeof v.text === 'string' ? v.text : undefined);

class Checker {
  readonly problems: string[] = [];
  readonly actionIds = new Set<string>();
  readonly blockIds = new Set<string>();

  check(ok: boolean, message: string): void {
    if (!ok) this.problems.push(message);
  }

  text(obj: unknown, path: string, max: number, plainOnly = false): void {
    if (!isObj(obj)) return this.check(false, `${path}: missing text object`);
    const t = str(obj);
    this.check(obj.type === 'plain_text' || (!plainOnly && obj.type === 'mrkdwn'), `${path}: type must be ${plainOnly ? 'plain_text' : 'plain_text or mrkdwn'}`);
    this.check(t !== undefined && t.length > 0, `${path}: text must not be empty`);
    this.check((t ?? '').length <= max, `${path}: ${t?.length} chars > ${max}`);
  }

  element(el: unknown, path: string): void {
    if (!isObj(el)) return this.check(false, `${path}: not an object`);
    if (typeof el.action_id === 'string') {
      this.check(el.action_id.length <= LIMITS.actionId, `${path}.action_id too long`);
      this.check(!this.actionIds.has(el.action_id), `${path}.action_id "${el.action_id}" is not unique`);
      this.actionIds.add(el.action_id);
    }
    if (el.type === 'button') {
      this.text(el.text, `${path}.text`, LIMITS.buttonText, true);
      this.check(typeof el.value !== 'string' || el.value.length <= LIMITS.buttonValue, `${path}.value too long`);
      this.check(typeof el.action_id === 'string', `${path}: button needs an action_id`);
    }
    if (el.type === 'number_input') this.numberInput(el, path);
    const options = [...(Array.isArray(el.options) ? el.options : []), ...(Array.isArray(el.initial_options) ? el.initial_options : [])];
    this.check(!Array.isArray(el.options) || el.options.length <= LIMITS.options, `${path}: more than ${LIMITS.options} options`);
    options.forEach((o, i) => {
      this.text(isObj(o) ? o.text : undefined, `${path}.options[${i}].text`, LIMITS.optionText);
      this.check(isObj(o) && typeof o.value === 'string' && o.value.length <= LIMITS.optionValue, `${path}.options[${i}].value missing or too long`);
    });
  }

  /** Slack refuses a view whose number input starts with a value its own settings reject. */
  numberInput(el: Json, path: string): void {
    const decimal = el.is_decimal_allowed === true;
    const bound = (v: unknown) => (typeof v === 'string' && v !== '' ? Number(v) : undefined);
    const min = bound(el.min_value);
    const max = bound(el.max_value);
    this.check(min === undefined || Number.isFinite(min), `${path}.min_value is not a number`);
    this.check(max === undefined || Number.isFinite(max), `${path}.max_value is not a number`);
    if (!decimal) {
      this.check(min === undefined || Number.isInteger(min), `${path}.min_value must be whole without is_decimal_allowed`);
      this.check(max === undefined || Number.isInteger(max), `${path}.max_value must be whole without is_decimal_allowed`);
    }
    if (el.initial_value === undefined) return;
    const raw = el.initial_value;
    const value = typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    this.check(Number.isFinite(value), `${path}.initial_value ${JSON.stringify(raw)} is not a plain number`);
    if (!Number.isFinite(value)) return;
    this.check(decimal || Number.isInteger(value), `${path}.initial_value ${raw} is not whole but is_decimal_allowed is false`);
    this.check(min === undefined || value >= min, `${path}.initial_value ${raw} < min_value ${String(el.min_value)}`);
    this.check(max === undefined || value <= max, `${path}.initial_value ${raw} > max_value ${String(el.max_value)}`);
  }

  block(block: unknown, path: string): void {
    if (!isObj(block)) return this.check(false, `${path}: not an object`);
    if (typeof block.block_id === 'string') {
      this.check(block.block_id.length <= LIMITS.blockId, `${path}.block_id too long`);
      this.check(!this.blockIds.has(block.block_id), `${path}.block_id "${block.block_id}" is not unique`);
      this.blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'header':
        return this.text(block.text, `${path}.text`, LIMITS.headerText, true);
      case 'section': {
        const fields = Array.isArray(block.fields) ? block.fields : undefined;
        this.check(block.text !== undefined || fields !== undefined, `${path}: section needs text or fields`);
        if (block.text !== undefined) this.text(block.text, `${path}.text`, LIMITS.sectionText);
        if (fields) {
          this.check(fields.length <= LIMITS.sectionFields, `${path}: ${fields.length} fields > ${LIMITS.sectionFields}`);
          fields.forEach((f, i) => this.text(f, `${path}.fields[${i}]`, LIMITS.fieldText));
        }
        if (block.accessory !== undefined) this.element(block.accessory, `${path}.accessory`);
        return;
      }
      case 'context': {
        const els = Array.isArray(block.elements) ? block.elements : [];
        this.check(els.length > 0 && els.length <= LIMITS.contextElements, `${path}: ${els.length} elements (1..${LIMITS.contextElements})`);
        return els.forEach((e, i) => (isObj(e) && e.type === 'image' ? undefined : this.text(e, `${path}.elements[${i}]`, LIMITS.sectionText)));
      }
      case 'actions': {
        const els = Array.isArray(block.elements) ? block.elements : [];
        this.check(els.length > 0 && els.length <= LIMITS.actionsElements, `${path}: ${els.length} elements (1..${LIMITS.actionsElements})`);
        return els.forEach((e, i) => this.element(e, `${path}.elements[${i}]`));
      }
      case 'input':
        this.text(block.label, `${path}.label`, LIMITS.inputLabel, true);
        return this.element(block.element, `${path}.element`);
      case 'divider':
      case 'image':
      case 'rich_text':
        return;
      default:
        this.check(false, `${path}: unknown block type ${String(block.type)}`);
    }
  }
}

/** Problems with a list of blocks on a surface ([] when valid). */
export function validateBlocks(blocks: readonly unknown[], surface: Surface = 'message'): string[] {
  const checker = new Checker();
  checker.check(blocks.length <= MAX_BLOCKS[surface], `${blocks.length} blocks > ${MAX_BLOCKS[surface]} for a ${surface}`);
  blocks.forEach((b, i) => checker.block(b, `blocks[${i}]`));
  return checker.problems;
}

/** A message needs a non-empty text fallback as well as valid blocks. */
export function validateMessage(message: { text?: unknown; blocks?: readonly unknown[] }): string[] {
  const problems: string[] = [];
  if (typeof message.text !== 'string' || message.text.trim() === '') problems.push('text fallback is missing');
  else if (message.text.length > LIMITS.messageText) problems.push(`text fallback ${message.text.length} chars > ${LIMITS.messageText}`);
  return problems.concat(validateBlocks(message.blocks ?? [], 'message'));
}

/** Modal or Home view: title and buttons, metadata size, and blocks. */
export function validateView(view: Json): string[] {
  const surface: Surface = view.type === 'home' ? 'home' : 'modal';
  const checker = new Checker();
  if (surface === 'modal') {
    checker.text(view.title, 'title', LIMITS.modalTitle, true);
    if (view.submit !== undefined) checker.text(view.submit, 'submit', LIMITS.modalButton, true);
    if (view.close !== undefined) checker.text(view.close, 'close', LIMITS.modalButton, true);
  }
  checker.check(typeof view.private_metadata !== 'string' || view.private_metadata.length <= LIMITS.privateMetadata, 'private_metadata too long');
  return checker.problems.concat(validateBlocks(Array.isArray(view.blocks) ? view.blocks : [], surface));
}
