/** @module What an initiative is for, in words: status, horizon, sponsor, objective, definition of done and the business case. */
import type { Initiative } from '../../shared/schema/records';
import { amountWords, HORIZON_NAMES, INITIATIVE_STATUS_NAMES } from './initiative-words';

export function InitiativeFacts({ initiative, nameOf }: { initiative: Initiative; nameOf(id: string | null): string }) {
  const caseLine = (words: string, amount: number | null) =>
    [words.trim(), amount === null ? '' : amountWords(amount)].filter(Boolean).join(' · ') || 'Not given';
  const facts: [string, string][] = [
    ['Status', INITIATIVE_STATUS_NAMES[initiative.status]],
    ['Horizon', HORIZON_NAMES[initiative.horizon]],
    ['Sponsor', initiative.sponsor ? nameOf(initiative.sponsor) : 'No sponsor'],
    ['Objective', initiative.objective || 'Not given'],
    ['Definition of done', initiative.definitionOfDone || 'Not given'],
    ['Cost', caseLine(initiative.costText, initiative.costAmount)],
    ['Expected benefit', caseLine(initiative.benefitText, initiative.benefitAmount)],
  ];
  return (
    <section class="pp-section" aria-label="About this initiative">
      <dl class="pp-facts pp-initiative-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd class={value === 'Not given' ? 'cl-muted' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
