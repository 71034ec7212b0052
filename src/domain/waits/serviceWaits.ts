import type { Service } from './serviceCatalogue.js';
import type { WaitingListStats } from './statistics.js';

/** A service's figures on a date, or why there are none. `extractAsOf` is the date the data was loaded. */
export type ServiceWaits =
  | { service: Service; hasData: true; stats: WaitingListStats; extractAsOf: string; termLabel: string }
  | { service: Service; hasData: false };
