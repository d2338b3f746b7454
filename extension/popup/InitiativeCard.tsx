/** @module An initiative on the transformation map: code, title, status, sponsor and progress; it opens the initiative's page. */
import type { InitiativeSummary } from '../../shared/queries/initiatives';
import type { Member } from '../../shared/schema/records';
import { INITIATIVE_STATUS_NAMES } from './initiative-words';
import { MemberAvatar } from './MemberAvatar';
import { ProgressBar } from './ProgressBar';

export function InitiativeCard({ summary, sponsor, onOpen }: { summary: InitiativeSummary; sponsor: Member | undefined; onOpen(id: string): void }) {
  const { initiative, progress } = summary;
  return (
    <li class={`pp-initiative is-${initiative.status}`}>
      <p class="pp-initiative-head">
        <span class="pp-code">{initiative.code}</span>
        <button type="button" class="pp-link-button pp-initiative-title" onClick={() => onOpen(initiative.id)}>{initiative.title}</button>
        <span class={`pp-status is-${initiative.status}`}>{INITIATIVE_STATUS_NAMES[initiative.status]}</span>
      </p>
      <ProgressBar progress={progress} label={`Progress of ${initiative.code}`} />
      <p class="pp-meta">
        {sponsor ? <><MemberAvatar name={sponsor.name} color={sponsor.color} small decorative /> <span>Sponsor {sponsor.name}</span></>
          : <span>No sponsor</span>}
      </p>
    </li>
  );
}
