/** manifest.yml asks for what the app uses and nothing else (issue 19): scopes match events and Web API calls. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const manifest = readFileSync(join(ROOT, 'manifest.yml'), 'utf8');
/** "- item" lines under a key, up to the next key at the same or lower indent. */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  const indent = lines[start]!.search(/\S/);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (line.search(/\S/) <= indent && !line.trim().startsWith('- ')) break;
    const item = /^\s*-\s+(\S+)/.exec(line);
    if (item) items.push(item[1]!);
  }
  return items;
}

describe('manifest', () => {
  const scopes = listUnder('bot');
  const events = listUnder('bot_events');

  it('every event subscription has its scope, group DMs included', () => {
    const needs: Record<string, string> = {
      app_mention: 'app_mentions:read', 'message.channels': 'channels:history', 'message.groups': 'groups:history',
      'message.im': 'im:history', 'message.mpim': 'mpim:history',
    };
    expect(events).toContain('message.mpim');
    for (const event of events) if (needs[event]) expect(scopes, event).toContain(needs[event]);
  });

  it('no unused scope: im:write is gone; conversations.info (channels:read) and file uploads are used', () => {
    expect(scopes).not.toContain('im:write');
    const ops = readFileSync(join(ROOT, 'src/slack/slack-ops.ts'), 'utf8') + readFileSync(join(ROOT, 'src/slack/chart-upload.ts'), 'utf8');
    expect(scopes).toContain('channels:read');
    expect(ops).toContain('conversations.info');
    expect(scopes).toContain('files:write');
    expect(ops).toContain('completeUploadExternal');
    expect(ops).not.toMatch(/conversations\.open|im\.open/);
  });

  it('files:read is asked for because an attached CSV load series is downloaded with the bot token', () => {
    const attachment = readFileSync(join(ROOT, 'src/slack/load-csv-attachment.ts'), 'utf8') + readFileSync(join(ROOT, 'src/slack/file-download.ts'), 'utf8');
    expect(scopes).toContain('files:read');
    expect(attachment).toContain('url_private_download');
    expect(attachment).toContain('Bearer');
  });
});
