import type { Account, MetricOptions } from './types';

/**
 * A bot is an account of type Bot, a login ending in `[bot]`, or a login on the configured list.
 * A deleted account (null login) is not known to be a bot and counts as human.
 */
export function isBot(account: Account | null | undefined, options: Pick<MetricOptions, 'botLogins'>): boolean {
  if (!account?.login) return false;
  const login = account.login.toLowerCase();
  return account.type === 'Bot' || login.endsWith('[bot]') || options.botLogins.some((b) => b.toLowerCase() === login);
}

/** A person other than `author` (logins compared case-insensitively; a deleted account is nobody's twin). */
export function isOtherHuman(account: Account | null | undefined, author: Account | null | undefined, options: Pick<MetricOptions, 'botLogins'>): boolean {
  if (!account || isBot(account, options)) return false;
  if (account.login === null || !author?.login) return true;
  return account.login.toLowerCase() !== author.login.toLowerCase();
}
