/** App Home: usage in this workspace, current settings, how to ask. */
import type { HomeView, KnownBlock } from '@slack/types';
import type { UsageKind, WorkspaceSettings } from '../../store/store.ts';
import { ACTION } from './actions-ids.ts';
import { describeSettingsLines } from './settings-blocks.ts';
import { EXAMPLE_QUESTIONS } from './help-blocks.ts';
import { actions, button, context, divider, fieldsSection, header, section } from './message.ts';

export function homeView(usage: Readonly<Record<UsageKind, number>>, settings: WorkspaceSettings): HomeView {
  const settingLines = describeSettingsLines(settings);
  const blocks: KnownBlock[] = [
    header('tokcost'),
    section('What your LLM inference really costs at *your* load, and where to run it. Ask with `/tokcost`, mention @tokcost, or DM me.'),
    actions('tokcost_home_actions', [button('Ask a question', ACTION.homeAsk, 'home', 'primary')]),
    divider(),
    section('*Usage in this workspace*'),
    fieldsSection([
      `*Answers*\n${usage.answer}`,
      `*Follow-ups*\n${usage['follow-up']}`,
      `*Form questions*\n${usage.form}`,
      `*Questions I couldn’t use*\n${usage.problems}`,
    ]),
    divider(),
    section(`*Workspace settings*\n${settingLines.length > 0 ? settingLines.join('\n') : '_None: answers use catalog prices._'}`),
    context(['`/tokcost set price h100-sxm 2.10` ($ per GPU-hour) · `/tokcost set power 0.12` ($ per kWh) · `/tokcost settings` · `/tokcost reset`']),
    divider(),
    section(`*Try*\n${EXAMPLE_QUESTIONS.map((q) => `• \`/tokcost ${q}\``).join('\n')}`),
  ];
  return { type: 'home', blocks };
}
