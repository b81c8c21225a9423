/** Fees: the versioned fee schedule HQ sets (partner commission rates by product kind). */
export {
  commissionFen,
  type FeeRates,
  type FeeSchedule,
  feeScheduleAt,
  feeScheduleVersion,
  listFeeSchedules,
  publishFeeSchedule,
  type UpstreamRates,
  upstreamRates,
} from './fee-schedule.ts';
