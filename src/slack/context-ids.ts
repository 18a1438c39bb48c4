/** Small helpers over Bolt's context and ids. */
import { randomBytes } from 'node:crypto';
import { nextWorkScopedId } from './work-claims.ts';

/** The workspace a request belongs to; every store access is scoped by it. */
export function teamIdOf(context: { teamId?: string; enterpriseId?: string }, fallback?: string | null): string {
  return context.teamId ?? (typeof fallback === 'string' && fallback !== '' ? fallback : undefined) ?? context.enterpriseId ?? 'unknown-team';
}

/** Random, except inside claimed work: a replica replaying the request then issues the same ids (its buttons still work). */
export const newAnswerId = (): string => nextWorkScopedId() ?? randomBytes(8).toString('hex');

/** Removes `<@U123>` mentions of the bot (and leading punctuation) from a message. */
export function stripMention(text: string, botUserId: string | undefined): string {
  const withoutBot = botUserId ? text.replaceAll(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ') : text;
  return withoutBot.replace(/^[\s,:]+/, '').replace(/\s+/g, ' ').trim();
}

export const mentions = (text: string, botUserId: string | undefined): boolean =>
  botUserId !== undefined && text.includes(`<@${botUserId}`);
