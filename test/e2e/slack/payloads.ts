/** Interaction payloads shaped like Slack's block_actions and view_submission bodies. */

export function blockAction(o: { teamId?: string; userId?: string; channelId?: string; messageTs?: string; actionId: string; value: string; responseUrl: string }): Record<string, unknown> {
  const teamId = o.teamId ?? 'T1';
  return {
    type: 'block_actions',
    team: { id: teamId, domain: 'acme' },
    user: { id: o.userId ?? 'U1', team_id: teamId, username: 'ada' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: 'trigger-action',
    channel: { id: o.channelId ?? 'C1', name: 'general' },
    container: { type: 'message', message_ts: o.messageTs ?? '1.1', channel_id: o.channelId ?? 'C1', is_ephemeral: false },
    message: { type: 'message', ts: o.messageTs ?? '1.1', text: 'tokcost' },
    response_url: o.responseUrl,
    actions: [{ type: 'button', action_id: o.actionId, block_id: 'tokcost_answer_actions', value: o.value, action_ts: '1.2' }],
  };
}

export type FormInput = {
  model: string;
  inputTokens: string;
  outputTokens: string;
  requestsPerSecond: string;
  peakToAverage?: string;
  ttftMs?: string;
  tpotMs?: string;
  platforms?: string[];
};

export function viewSubmission(o: { teamId?: string; userId?: string; privateMetadata: string; input: FormInput }): Record<string, unknown> {
  const teamId = o.teamId ?? 'T1';
  const num = (block: string, value: string | undefined) => ({ [block]: { [block]: { type: 'number_input', value: value ?? null } } });
  const values = {
    model: { model: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: o.input.model }, value: o.input.model } } },
    ...num('input_tokens', o.input.inputTokens),
    ...num('output_tokens', o.input.outputTokens),
    ...num('requests_per_second', o.input.requestsPerSecond),
    ...num('peak_to_average', o.input.peakToAverage),
    ...num('ttft_ms', o.input.ttftMs),
    ...num('tpot_ms', o.input.tpotMs),
    platforms: { platforms: { type: 'multi_static_select', selected_options: (o.input.platforms ?? []).map((p) => ({ text: { type: 'plain_text', text: p }, value: p })) } },
  };
  return {
    type: 'view_submission',
    team: { id: teamId, domain: 'acme' },
    user: { id: o.userId ?? 'U1', team_id: teamId, username: 'ada' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: 'trigger-view',
    view: {
      id: 'V1',
      team_id: teamId,
      type: 'modal',
      callback_id: 'tokcost_form',
      private_metadata: o.privateMetadata,
      state: { values },
      hash: 'h',
      app_id: 'A1',
      blocks: [],
      title: { type: 'plain_text', text: 'tokcost' },
    },
    response_urls: [],
  };
}
