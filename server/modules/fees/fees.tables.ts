/** One version of the fee schedule; `rates` is JSON (see `FeeRates`). */
export type FeeScheduleRow = {
  id: string;
  version: number;
  effective_from: string;
  rates: string;
  created_by: string | null;
  created_at: string;
};

export type FeeTables = { fee_schedules: FeeScheduleRow };
