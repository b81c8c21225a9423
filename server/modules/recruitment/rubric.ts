/**
 * The scoring rubric of a recruitment model: pure data plus a pure scoring function, so the
 * same rubric scores every application alike and HQ can change it without a deploy.
 */
export const profiles = ['store_owner', 'returning_youth', 'other'] as const;
export type Profile = (typeof profiles)[number];

export type Criterion =
  | { key: string; label: string; kind: 'yes_no'; points: number }
  | { key: string; label: string; kind: 'number'; bands: Array<{ atLeast: number; points: number }> }
  | {
      key: string;
      label: string;
      kind: 'choice';
      options: Array<{ value: string; label: string; points: number }>;
    };

export type Rubric = { profile: Profile; version: number; criteria: Criterion[] };
export type Answers = Record<string, string | number | boolean>;
export type Scored = { score: number; maxScore: number; breakdown: Array<{ key: string; points: number }> };

/** The most a criterion can give. */
export function criterionMax(c: Criterion): number {
  if (c.kind === 'yes_no') return c.points;
  const points = c.kind === 'number' ? c.bands.map((b) => b.points) : c.options.map((o) => o.points);
  return Math.max(0, ...points);
}

export const maxScore = (rubric: Pick<Rubric, 'criteria'>) =>
  rubric.criteria.reduce((sum, c) => sum + criterionMax(c), 0);

/** Why an answer cannot be scored, per answer key; empty when every answer fits its criterion. */
export function answerProblems(rubric: Pick<Rubric, 'criteria'>, answers: Answers): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const c of rubric.criteria) {
    const value = answers[c.key];
    if (value === undefined) continue;
    if (c.kind === 'yes_no' && typeof value !== 'boolean') problems[c.key] = 'must be true or false';
    if (c.kind === 'number' && (typeof value !== 'number' || !Number.isFinite(value) || value < 0))
      problems[c.key] = 'must be a number of at least 0';
    if (c.kind === 'choice' && !c.options.some((o) => o.value === value))
      problems[c.key] = `must be one of ${c.options.map((o) => o.value).join(', ')}`;
  }
  return problems;
}

/**
 * Scores answers: a yes gives the criterion's points, a number the points of the highest band
 * it reaches, a choice its option's points. A missing answer scores 0; answers the rubric does
 * not know are kept on the application but score nothing. Check `answerProblems` first.
 */
export function scoreAnswers(rubric: Pick<Rubric, 'criteria'>, answers: Answers): Scored {
  const breakdown = rubric.criteria.map((c) => {
    const value = answers[c.key];
    let points = 0;
    if (c.kind === 'yes_no') points = value === true ? c.points : 0;
    if (c.kind === 'number' && typeof value === 'number')
      points = Math.max(0, ...c.bands.filter((b) => value >= b.atLeast).map((b) => b.points));
    if (c.kind === 'choice') points = c.options.find((o) => o.value === value)?.points ?? 0;
    return { key: c.key, points };
  });
  return { score: breakdown.reduce((s, b) => s + b.points, 0), maxScore: maxScore(rubric), breakdown };
}

/** Problems that make a rubric unusable (duplicate keys or options); empty when it is fine. */
export function rubricProblems(criteria: Criterion[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const c of criteria) {
    if (keys.has(c.key)) problems.push(`criterion ${c.key} appears twice`);
    keys.add(c.key);
    if (c.kind === 'number' && c.bands.length === 0) problems.push(`criterion ${c.key} has no bands`);
    if (c.kind === 'choice') {
      const values = new Set(c.options.map((o) => o.value));
      if (values.size !== c.options.length) problems.push(`criterion ${c.key} repeats an option`);
      if (values.size === 0) problems.push(`criterion ${c.key} has no options`);
    }
  }
  return problems;
}

const learnsFast: Criterion = {
  key: 'learnsFast',
  label: '学习能力强（面试评估）',
  kind: 'yes_no',
  points: 20,
};

/**
 * The built-in rubrics (version 0), each out of 100. Convenience-store owners are scored as
 * purchasing agents: a good location, a real shop and years of trade, and learning fast.
 * Young people returning from cities are scored as sellers of local products: online selling
 * experience and education first.
 */
export const defaultRubrics: Record<Profile, Rubric> = {
  store_owner: {
    profile: 'store_owner',
    version: 0,
    criteria: [
      {
        key: 'location',
        label: '店铺位置',
        kind: 'choice',
        options: [
          { value: 'village_center', label: '村中心或集市旁', points: 30 },
          { value: 'main_road', label: '主干道旁', points: 20 },
          { value: 'residential', label: '居民区内', points: 10 },
          { value: 'remote', label: '偏僻位置', points: 0 },
        ],
      },
      {
        key: 'storeSizeSqm',
        label: '店铺面积（平方米）',
        kind: 'number',
        bands: [
          { atLeast: 15, points: 8 },
          { atLeast: 30, points: 15 },
          { atLeast: 60, points: 20 },
        ],
      },
      {
        key: 'yearsInBusiness',
        label: '经营年限',
        kind: 'number',
        bands: [
          { atLeast: 1, points: 5 },
          { atLeast: 2, points: 12 },
          { atLeast: 5, points: 20 },
        ],
      },
      learnsFast,
      { key: 'usesMobilePayment', label: '店里使用移动支付', kind: 'yes_no', points: 10 },
    ],
  },
  returning_youth: {
    profile: 'returning_youth',
    version: 0,
    criteria: [
      {
        key: 'onlineSellingMonths',
        label: '网店或直播销售经验（月）',
        kind: 'number',
        bands: [
          { atLeast: 1, points: 10 },
          { atLeast: 6, points: 20 },
          { atLeast: 12, points: 28 },
          { atLeast: 24, points: 35 },
        ],
      },
      {
        key: 'education',
        label: '学历',
        kind: 'choice',
        options: [
          { value: 'junior_high', label: '初中及以下', points: 5 },
          { value: 'high_school', label: '高中', points: 10 },
          { value: 'vocational', label: '中专或职高', points: 15 },
          { value: 'college', label: '大专', points: 20 },
          { value: 'bachelor', label: '本科及以上', points: 25 },
        ],
      },
      {
        key: 'yearsInCity',
        label: '在城市工作年限',
        kind: 'number',
        bands: [
          { atLeast: 1, points: 5 },
          { atLeast: 3, points: 10 },
        ],
      },
      { key: 'hasPremises', label: '在村里有可用的门店', kind: 'yes_no', points: 15 },
      { ...learnsFast, points: 15 },
    ],
  },
  other: {
    profile: 'other',
    version: 0,
    criteria: [
      { key: 'hasPremises', label: '在村里有可用的门店', kind: 'yes_no', points: 40 },
      { ...learnsFast, points: 30 },
      {
        key: 'yearsInBusiness',
        label: '经营年限',
        kind: 'number',
        bands: [
          { atLeast: 1, points: 15 },
          { atLeast: 3, points: 30 },
        ],
      },
    ],
  },
};
