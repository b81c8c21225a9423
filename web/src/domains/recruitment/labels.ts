import type { TFunction } from 'i18next';
import type { Criterion } from './types';

/** A criterion's label in the reader's language; a criterion HQ added later shows its own label. */
export const criterionLabel = (t: TFunction, c: Pick<Criterion, 'key' | 'label'>) =>
  t(`recruitment.criteria.${c.key}`, { defaultValue: c.label });

export const optionLabel = (t: TFunction, key: string, option: { value: string; label: string }) =>
  t(`recruitment.options.${key}.${option.value}`, { defaultValue: option.label });
