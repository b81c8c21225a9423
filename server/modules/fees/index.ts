/** Fees: the versioned fee schedule HQ sets (partner commission rates by product kind, service fee rates by service kind). */
export {
  commissionFen,
  defaultServiceFeeBps,
  type FeeRates,
  type FeeSchedule,
  feeScheduleAt,
  feeScheduleVersion,
  listFeeSchedules,
  publishFeeSchedule,
  serviceFeeFen,
  type UpstreamRates,
  upstreamRates,
} from './fee-schedule.ts';
