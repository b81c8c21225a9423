import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/auth';
import { useFeatureAccess } from './api';

type Feature = 'returns' | 'upstreamListings';

/**
 * Whether the signed-in partner may use a gated feature, and if not the sentence naming the
 * courses still to pass. While the answer is loading the feature counts as open: the server
 * refuses a locked partner anyway.
 */
export function useFeatureLock(feature: Feature): { locked: boolean; reason: string | null } {
  const { t } = useTranslation();
  const user = useUser();
  const access = useFeatureAccess(user.id);
  if (!access.data || access.data.features[feature]) return { locked: false, reason: null };
  const courses = access.data.featureCourses[feature]
    .filter((c) => !c.passed)
    .map((c) => t('training.locked.course', { title: c.title }))
    .join(t('training.locked.join'));
  return { locked: true, reason: t(`training.locked.${feature}`, { courses }) };
}

/** The notice a locked partner sees where the feature would be. */
export function FeatureLockNotice({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return <Alert type="warning" showIcon title={reason} data-testid="feature-locked" />;
}
