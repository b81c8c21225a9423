import { describe, expect, it } from 'vitest';
import {
  answerProblems,
  defaultRubrics,
  maxScore,
  profiles,
  rubricProblems,
  scoreAnswers,
} from './rubric.ts';

describe('recruitment rubric', () => {
  it('scores every built-in model out of 100', () => {
    for (const profile of profiles) expect(maxScore(defaultRubrics[profile])).toBe(100);
  });

  it('gives a well-placed, experienced store owner who learns fast full marks', () => {
    const scored = scoreAnswers(defaultRubrics.store_owner, {
      location: 'village_center',
      storeSizeSqm: 80,
      yearsInBusiness: 6,
      learnsFast: true,
      usesMobilePayment: true,
    });
    expect(scored).toMatchObject({ score: 100, maxScore: 100 });
  });

  it('takes the highest band a number reaches, and nothing below the first', () => {
    const rubric = defaultRubrics.returning_youth;
    expect(scoreAnswers(rubric, { onlineSellingMonths: 12 }).score).toBe(28);
    expect(scoreAnswers(rubric, { onlineSellingMonths: 11.5 }).score).toBe(20);
    expect(scoreAnswers(rubric, { onlineSellingMonths: 0 }).score).toBe(0);
  });

  it('scores missing and unknown answers as nothing, and says which of each criterion gave what', () => {
    const scored = scoreAnswers(defaultRubrics.returning_youth, {
      education: 'college',
      hasPremises: false,
      motivation: '想帮家乡卖茶叶',
    });
    expect(scored.score).toBe(20);
    expect(scored.breakdown).toContainEqual({ key: 'education', points: 20 });
    expect(scored.breakdown.map((b) => b.key)).not.toContain('motivation');
  });

  it('names answers of the wrong kind', () => {
    expect(
      answerProblems(defaultRubrics.store_owner, {
        location: 'on_the_moon',
        storeSizeSqm: '40',
        learnsFast: 'yes',
        yearsInBusiness: -1,
      }),
    ).toEqual({
      location: expect.stringContaining('village_center'),
      storeSizeSqm: expect.any(String),
      learnsFast: expect.any(String),
      yearsInBusiness: expect.any(String),
    });
    expect(answerProblems(defaultRubrics.other, { hasPremises: true, note: 'x' })).toEqual({});
  });

  it('refuses rubrics with repeated criteria or options', () => {
    expect(rubricProblems(defaultRubrics.store_owner.criteria)).toEqual([]);
    expect(
      rubricProblems([
        { key: 'a', label: 'A', kind: 'yes_no', points: 5 },
        { key: 'a', label: 'A', kind: 'yes_no', points: 5 },
        {
          key: 'b',
          label: 'B',
          kind: 'choice',
          options: [
            { value: 'x', label: 'X', points: 1 },
            { value: 'x', label: 'X', points: 2 },
          ],
        },
      ]),
    ).toHaveLength(2);
  });
});
