/**
 * Where people look at a repository, from where the API is: https://api.github.com → https://github.com;
 * a GitHub Enterprise Server `https://host/api/v3` → `https://host`. Links in the UI and reports are
 * built from it.
 */
export function githubWebUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  if (url.hostname.startsWith('api.') && url.pathname.replace(/\/+$/, '') === '') return `${url.protocol}//${url.host.slice(4)}`;
  return `${url.protocol}//${url.host}`;
}
