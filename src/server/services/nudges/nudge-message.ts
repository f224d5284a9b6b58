/**
 * A team's nudge as a Slack message, a webhook payload and terminal text.
 *
 * Slack: everything taken from GitHub (titles, logins, repository and workflow names) goes into
 * rich-text `text` elements, which Slack shows literally: no mention (`<!channel>`, `@here`), no
 * link and no formatting can come from a title. Our own words are the only mrkdwn, and the message's
 * `text` (the notification) holds only our words and the team's configured slug. Links are rich-text
 * `link` elements with URLs we built.
 */
import type { AgreementBreach } from '../agreements/agreements.types';

export interface NudgeMessage {
  team: string;
  digest: boolean;
  /** The sections, in order: first reviews, review requests by reviewer, red branches. */
  sections: { title: string; groups: { heading: string | null; items: AgreementBreach[] }[] }[];
}

type RichElement = { type: 'text'; text: string; style?: { bold?: boolean } } | { type: 'link'; url: string; text: string };

/** Control characters would move a terminal's cursor or recolour it; Slack drops them anyway. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

export function nudgeMessage(team: string, breaches: readonly AgreementBreach[], digest: boolean, labels: ReadonlyMap<string, string>): NudgeMessage {
  const of = (agreement: AgreementBreach['agreement']) => breaches.filter((b) => b.agreement === agreement);
  const sections: NudgeMessage['sections'] = [];
  const firstReviews = of('firstReview');
  if (firstReviews.length)
    sections.push({ title: `Waiting for a first review: ${labels.get('firstReview')}`, groups: [{ heading: null, items: firstReviews }] });
  const requests = of('reviewResponse');
  if (requests.length) {
    const byReviewer = new Map<string, AgreementBreach[]>();
    for (const r of requests) byReviewer.set(r.reviewer ?? 'unknown', [...(byReviewer.get(r.reviewer ?? 'unknown') ?? []), r]);
    sections.push({
      title: `Review requests waiting: ${labels.get('reviewResponse')}`,
      groups: [...byReviewer.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([heading, items]) => ({ heading, items })),
    });
  }
  const red = of('redBranch');
  if (red.length) sections.push({ title: `Red default branches: ${labels.get('redBranch')}`, groups: [{ heading: null, items: red }] });
  return { team, digest, sections };
}

/** How many items a message holds. */
export const itemCount = (message: NudgeMessage) => message.sections.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.items.length, 0), 0);

function headline(message: NudgeMessage): string {
  const n = itemCount(message);
  return `${message.digest ? 'Daily digest' : 'Nudge'} for team ${message.team}: ${n} item${n === 1 ? '' : 's'} past a working agreement`;
}

function itemElements(b: AgreementBreach): RichElement[] {
  return [
    { type: 'link', url: b.url, text: b.name },
    ...(b.title ? [{ type: 'text' as const, text: ` ${printable(b.title)}` }] : []),
    { type: 'text', text: `, ${b.measured}` },
  ];
}

/** Slack's incoming-webhook body. */
export function slackPayload(message: NudgeMessage): { text: string; blocks: unknown[] } {
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${headline(message).replace(/[&<>*_~`]/g, ' ')}*` } }];
  for (const section of message.sections) {
    const elements: unknown[] = [{ type: 'rich_text_section', elements: [{ type: 'text', text: printable(section.title), style: { bold: true } }] }];
    for (const group of section.groups) {
      if (group.heading) elements.push({ type: 'rich_text_section', elements: [{ type: 'text', text: printable(group.heading), style: { bold: true } }] });
      elements.push({ type: 'rich_text_list', style: 'bullet', elements: group.items.map((b) => ({ type: 'rich_text_section', elements: itemElements(b) })) });
    }
    blocks.push({ type: 'rich_text', elements });
  }
  // The notification text: our words and the team slug (letters, digits, . _ - by configuration).
  return { text: headline(message), blocks };
}

/** A generic webhook's body: the items as data. */
export function webhookPayload(message: NudgeMessage): { kind: 'nudge' | 'digest'; team: string; text: string; items: AgreementBreach[] } {
  return {
    kind: message.digest ? 'digest' : 'nudge',
    team: message.team,
    text: headline(message),
    items: message.sections.flatMap((s) => s.groups.flatMap((g) => g.items)),
  };
}

/** What `--dry-run` prints. */
export function nudgeText(message: NudgeMessage): string {
  const lines = [headline(message)];
  for (const section of message.sections) {
    lines.push('', section.title);
    for (const group of section.groups) {
      if (group.heading) lines.push(`  ${printable(group.heading)}:`);
      for (const b of group.items)
        lines.push(`${group.heading ? '    ' : '  '}- ${printable(b.name)}${b.title ? ` ${printable(b.title)}` : ''}, ${b.measured}  ${b.url}`);
    }
  }
  return lines.join('\n');
}
