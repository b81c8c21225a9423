/** HQ's national rollout targets; every change is a new row, the newest one applies. */
export type RolloutTargetRow = {
  id: string;
  counties: number;
  centers: number;
  /** YYYY-MM-DD by which the targets should be met, if HQ set one. */
  target_date: string | null;
  set_by: string;
  set_at: string;
};

export type RolloutTables = { rollout_targets: RolloutTargetRow };
