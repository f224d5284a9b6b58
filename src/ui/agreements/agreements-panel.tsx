/**
 * The overview's "Working agreements" panel (docs/agreements.md#on-the-dashboard): per team, each
 * agreement with its adherence this period, met / applied, the change against the previous period,
 * its weekly trend, and the members behind the number (opened in place, each linking to GitHub):
 * the breaches first, then those that kept it.
 */
import type { TeamAgreements } from '@/server/services/agreements/agreements.types';
import { formatChange, formatRatio } from '@/formatting/metric-values';
import { Sparkline } from '@/ui/dashboard/sparkline';

const SHOWN_BREACHES = 20;

type Member = TeamAgreements['agreements'][number]['breaches'][number];

/** One PR, request or branch behind an agreement's number, linking to GitHub; a breach still going on says so. */
function MemberItem({ member: b, kind }: { member: Member; kind: 'breach' | 'kept' }) {
  return (
    <li data-breach={kind === 'breach' ? b.key : undefined} data-kept={kind === 'kept' ? b.key : undefined}>
      <a href={b.url} target="_blank" rel="noreferrer noopener">
        {b.name}
      </a>
      {b.title && <> {b.title}</>}{' '}
      <span className="muted">
        {b.reviewer && `${b.reviewer}, `}
        {b.measured}
        {kind === 'breach' && b.ongoing && ' (now)'} · {b.week}
      </span>
    </li>
  );
}

export function AgreementsPanel({ teams }: { teams: TeamAgreements[] }) {
  if (teams.length === 0) return null;
  return (
    <section className="panel agreements" aria-labelledby="agreements-heading">
      <div className="panel-heading">
        <h2 id="agreements-heading">Working agreements</h2>
        <span className="muted small">met / applied this period; open an agreement for what broke it</span>
      </div>
      {teams.map((team) => (
        <div key={team.team} className="agreements-team" data-team={team.team}>
          <h3>
            Team {team.team} <span className="muted small">weeks and business hours in {team.timeZone}</span>
          </h3>
          {team.agreements.length === 0 ? (
            <p className="muted">This team has no working agreements (add them to its entry in the teams file).</p>
          ) : (
            <ul className="agreement-list">
              {team.agreements.map((a) => {
                const change = a.current.value !== null && a.previous.value !== null ? a.current.value - a.previous.value : null;
                const trend = change === null || change === 0 ? 'neutral' : change > 0 ? 'better' : 'worse';
                return (
                  <li
                    key={a.agreement}
                    data-agreement={a.agreement}
                    data-value={a.current.value ?? ''}
                    data-met={a.current.met}
                    data-applied={a.current.applied}
                  >
                    <details>
                      <summary>
                        <span className="agreement-label">{a.label}</span>
                        <span className="agreement-value">{formatRatio(a.current.value)}</span>
                        <span className="muted small">
                          {a.current.met} of {a.current.applied} met
                        </span>
                        <span className={`metric-change ${trend} small`} title={`previous period: ${formatRatio(a.previous.value)}`}>
                          {change === null ? 'no previous data' : `${formatChange('ratio', change)} vs previous`}
                        </span>
                        <Sparkline points={a.trend} unit="ratio" />
                        <span className="small">{a.breaches.length} broke it</span>
                      </summary>
                      {a.breaches.length === 0 ? (
                        <p className="muted">Nothing broke it this period.</p>
                      ) : (
                        <ul className="agreement-breaches">
                          {a.breaches.slice(0, SHOWN_BREACHES).map((b) => (
                            <MemberItem key={b.key} member={b} kind="breach" />
                          ))}
                          {a.breaches.length > SHOWN_BREACHES && <li className="muted">and {a.breaches.length - SHOWN_BREACHES} more</li>}
                        </ul>
                      )}
                      {a.kept.length > 0 && (
                        <details className="agreement-kept">
                          <summary className="muted small">The {a.kept.length} that kept it</summary>
                          <ul className="agreement-breaches">
                            {a.kept.slice(0, SHOWN_BREACHES).map((b) => (
                              <MemberItem key={b.key} member={b} kind="kept" />
                            ))}
                            {a.kept.length > SHOWN_BREACHES && <li className="muted">and {a.kept.length - SHOWN_BREACHES} more</li>}
                          </ul>
                        </details>
                      )}
                    </details>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
