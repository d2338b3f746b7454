/** @module On a done action's page: did it work? Similar captures and ratings before and after its done date. */
import { useEffect, useState } from 'preact/hooks';
import type { Outcome } from '../../shared/dashboard/outcomes';
import type { HubClient } from '../messaging/hub-client';

export function ActionOutcome({ hub, id }: { hub: HubClient; id: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => hub.subscribe('outcome', { id }, setOutcome, () => setOutcome(null)), [hub, id]);
  if (!outcome) return null;
  return (
    <section class="pp-outcome" aria-labelledby="outcome-heading">
      <h3 id="outcome-heading">Did it work?</h3>
      <p data-verdict={outcome.verdict}>{outcome.words}</p>
    </section>
  );
}
