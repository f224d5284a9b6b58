/** Which overview card an agreement is about: the card then shows the team's target and adherence beside its value. */
import type { MetricKey } from '@/metrics/catalogue';
import type { AgreementView, TeamAgreements } from '@/server/services/agreements/agreements.types';

const CARD_AGREEMENT: Partial<Record<MetricKey, AgreementView['agreement']>> = {
  timeToFirstReview: 'firstReview',
  reviewTurnaround: 'reviewResponse',
  coverage: 'coverageDrop',
};

export interface CardAgreement {
  label: string;
  adherence: number | null;
  met: number;
  applied: number;
}

/** The card's agreement in the one team shown (none without a team filter). */
export function cardAgreement(key: MetricKey, team: TeamAgreements | undefined): CardAgreement | null {
  const agreement = team?.agreements.find((a) => a.agreement === CARD_AGREEMENT[key]);
  return agreement ? { label: agreement.label, adherence: agreement.current.value, met: agreement.current.met, applied: agreement.current.applied } : null;
}
