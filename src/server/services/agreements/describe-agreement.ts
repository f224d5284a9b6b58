/** Agreements and their breaches in words and links: what every view of them shares. */
import { formatDuration } from '@/formatting/metric-values';
import type { AgreementKey, AgreementMember } from '@/metrics/agreements/types';
import type { AgreementBreach } from './agreements.types';

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

export function agreementLabel(agreement: AgreementKey, target: number | true): string {
  const n = target === true ? 0 : target;
  switch (agreement) {
    case 'firstReview':
      return `First review within ${plural(n, 'business hour')} of ready for review`;
    case 'reviewResponse':
      return `Each review request answered within ${plural(n, 'business hour')}`;
    case 'prSize':
      return `PRs at most ${plural(n, 'changed line')}`;
    case 'approvalBeforeMerge':
      return 'No merge without an approving review';
    case 'redBranch':
      return `Default branch red at most ${plural(n, 'hour')}`;
    case 'coverageDrop':
      return `Coverage never drops more than ${n} pp in a week`;
  }
}

function measuredText(member: AgreementMember): string {
  const m = member.measured;
  switch (member.agreement) {
    case 'firstReview':
      return `${member.ongoing ? 'waiting' : 'waited'} ${formatDuration(m)} (business time) for a first review`;
    case 'reviewResponse':
      return `${member.ongoing ? 'waiting' : 'waited'} ${formatDuration(m)} (business time) for an answer`;
    case 'prSize':
      return `${m} changed lines`;
    case 'approvalBeforeMerge':
      return member.met ? 'approved before the merge' : 'merged without an approving review';
    case 'redBranch':
      return `${member.ongoing ? 'red for' : 'was red for'} ${formatDuration(m)}`;
    case 'coverageDrop':
      return `coverage ${m! > 0 ? '+' : '−'}${Math.abs(m!)
        .toFixed(2)
        .replace(/\.?0+$/, '')} pp in the week`;
  }
}

export function breachOf(member: AgreementMember, githubUrl: string): AgreementBreach {
  const s = member.subject;
  const base = {
    agreement: member.agreement,
    met: member.met,
    key: member.key,
    state: member.state,
    kind: s.type,
    week: member.week,
    at: member.at,
    ongoing: member.ongoing,
    repo: s.repo,
    measured: measuredText(member),
  };
  switch (s.type) {
    case 'pull-request':
      return { ...base, name: `${s.repo}#${s.number}`, title: s.title, author: s.author, reviewer: null, url: `${githubUrl}/${s.repo}/pull/${s.number}` };
    case 'review-request':
      return {
        ...base,
        name: `${s.repo}#${s.number}`,
        title: s.title,
        author: s.author,
        reviewer: s.team ? `team:${s.team}` : s.reviewer,
        url: `${githubUrl}/${s.repo}/pull/${s.number}`,
      };
    case 'red-branch':
      return {
        ...base,
        name: `${s.repo} ${s.workflow} on ${s.branch}`,
        title: null,
        author: null,
        reviewer: null,
        url: `${githubUrl}/${s.repo}/actions/runs/${s.runId}`,
      };
    case 'coverage-week':
      return {
        ...base,
        name: `${s.repo} coverage ${s.fromPct} % → ${s.toPct} %`,
        title: null,
        author: null,
        reviewer: null,
        url: `${githubUrl}/${s.repo}/commit/${s.sha}`,
      };
  }
}
