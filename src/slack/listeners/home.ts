/** App Home: usage and settings for this workspace, published when the tab opens. */
import type { App } from '@slack/bolt';
import { homeView } from '../blocks/home-view.ts';
import { teamIdOf } from '../context-ids.ts';
import type { ListenerDeps } from '../deps.ts';
import { createSlackOps } from '../slack-ops.ts';
import { slackErrorName } from '../slack-retry.ts';

export function registerHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, context, client, body }) => {
    if (event.tab !== 'home') return;
    const teamId = teamIdOf(context, (body as { team_id?: string }).team_id);
    try {
      const view = homeView(await deps.store.usage(teamId), await deps.store.settings(teamId));
      await createSlackOps(client, deps.retry).publishHome(event.user, view);
    } catch (error) {
      deps.logger.warn({ err: error, teamId, slackError: slackErrorName(error) }, 'could not publish App Home');
    }
  });
}
