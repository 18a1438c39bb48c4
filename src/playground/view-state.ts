/**
 * The values the page collected from a modal -> Slack's `view.state.values` for view_submission.
 * Element types and options come from the view the app sent, never from the browser. Pure.
 */

export interface FormInputValue {
  readonly blockId: string;
  readonly actionId: string;
  /** Text-like inputs and single selects: the raw value ('' = empty). */
  readonly value?: string;
  /** Multi selects and checkboxes: the chosen option values. */
  readonly values?: readonly string[];
}

type Option = { value?: string } & Record<string, unknown>;
type Element = { type?: string; action_id?: string; options?: Option[]; option_groups?: { options?: Option[] }[] };
type Block = { type?: string; block_id?: string; element?: Element };
export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

const TEXT_LIKE = new Set(['plain_text_input', 'number_input', 'email_text_input', 'url_text_input']);

const optionsOf = (element: Element): Option[] => [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((g) => g.options ?? [])];

function elementState(element: Element, input: FormInputValue | undefined): Record<string, unknown> {
  const type = element.type ?? 'unknown';
  const pick = (value: string | undefined) => optionsOf(element).find((o) => o.value === value) ?? null;
  if (TEXT_LIKE.has(type)) return { type, value: input?.value === undefined || input.value === '' ? null : input.value };
  if (type === 'static_select' || type === 'radio_buttons') return { type, selected_option: input?.value ? pick(input.value) : null };
  if (type === 'multi_static_select' || type === 'checkboxes') {
    const chosen = (input?.values ?? []).map((v) => pick(v)).filter((o): o is Option => o !== null);
    return { type, selected_options: chosen };
  }
  if (type === 'datepicker') return { type, selected_date: input?.value || null };
  if (type === 'timepicker') return { type, selected_time: input?.value || null };
  return { type };
}

/** state.values keyed by block_id then action_id, for every input block in the view. */
export function viewStateValues(blocks: readonly unknown[], inputs: readonly FormInputValue[]): StateValues {
  const values: StateValues = {};
  for (const raw of blocks) {
    const block = raw as Block;
    if (block.type !== 'input' || !block.block_id || !block.element?.action_id) continue;
    const input = inputs.find((i) => i.blockId === block.block_id && i.actionId === block.element!.action_id);
    values[block.block_id] = { [block.element.action_id]: elementState(block.element, input) };
  }
  return values;
}
