import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Certification } from './types';

/** Whether a partner may open its centre; the missing required courses on hover. */
export function CertificationTag({ certification }: { certification: Certification | undefined }) {
  const { t } = useTranslation();
  if (!certification) return null;
  if (certification.certified)
    return (
      <Tag color="green" data-testid="certification" data-certified="true">
        {t('training.certified')}
      </Tag>
    );
  const missing = certification.requiredCourses.filter((c) => !c.passed).map((c) => c.title);
  return (
    <Tooltip title={t('training.missing', { courses: missing.join('、') })}>
      <Tag color="orange" data-testid="certification" data-certified="false">
        {t('training.notCertified')}
      </Tag>
    </Tooltip>
  );
}
