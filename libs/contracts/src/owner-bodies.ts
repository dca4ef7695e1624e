/** Response bodies of the owner service as the web app reads them (contract §3.2–3.3 and the queue dashboard). */

export interface ProductStatisticsEntry {
  name: string;
  /** Units in COMPLETE orders. */
  sold: number;
  /** Units in CREATED or PENDING orders. */
  waiting: number;
}

export interface ProductStatisticsResponse {
  statistics: ProductStatisticsEntry[];
}

/** Every category name, by units delivered (descending), ties by name. */
export interface CategoryStatisticsResponse {
  statistics: string[];
}

/** `POST /queues/ticket`: open `url` (relative to the owner service) within `expiresInSeconds`, once. */
export interface QueueDashboardTicketResponse {
  ticket: string;
  url: string;
  expiresInSeconds: number;
}
