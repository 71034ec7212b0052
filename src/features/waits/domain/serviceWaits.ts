import type { Service } from './serviceCatalogue.js';
import type { DisclosedWaits } from './disclosedWaits.js';

/**
 * A service's figures, or why there are none. The figures are as at `onDate`: the extract's date
 * (`extractAsOf`, the day its data was loaded), or an earlier "today" worked out from the referrals. A
 * waiting list is only known as far as its last extract, so the answer says how old that is (`today`)
 * rather than projecting it forward. `figures` have already passed disclosure control.
 */
export type ServiceWaits =
  | {
      service: Service;
      hasData: true;
      figures: DisclosedWaits;
      onDate: string;
      extractAsOf: string;
      today: string;
      termLabel: string;
    }
  | { service: Service; hasData: false };

/** Past this many days without a new extract, an answer says how old its figures are. */
export const STALE_EXTRACT_DAYS = 14;
