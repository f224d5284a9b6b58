/**
 * Everything a report embeds that came from GitHub (titles, logins, workflow names) goes through
 * these: HTML entities for HTML, backslash escapes for Markdown (so a title cannot become a link,
 * an image, a table break or raw HTML), and src/formatting/csv.ts for CSV.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Markdown-inert text for inline positions (after a list marker or in a table cell, never at a
 * line start): what could start emphasis, code, a link or image, a table cell, strikethrough or
 * raw HTML is escaped; line breaks become spaces. Plain punctuation (. , - + ( )) stays readable.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]|~!<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** A URL we built ourselves (GitHub web links): only http(s), and safe inside Markdown parentheses and HTML attributes. */
export function safeUrl(url: string): string {
  if (!/^https?:\/\//i.test(url)) return '#';
  // encodeURIComponent leaves ( ) ' alone, and they matter here: percent-encode by hand.
  return url.replace(/[()<>"' ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
