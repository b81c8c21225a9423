/** Fees: the versioned fee schedule HQ sets (partner commission rates by product kind). */
export {
  commissionFen,
  type FeeRates,
  type FeeSchedule,
  feeScheduleAt,
  listFeeSchedules,
  publishFeeSchedule,
} from './fee-schedule.ts';
