import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRubrics } from '../../domains/recruitment/api';
import { RubricEditor } from '../../domains/recruitment/RubricEditor';
import { QueryView } from '../../ui/QueryView';

/** How applications are scored, per recruitment model. */
export function RubricsPage() {
  const { t } = useTranslation();
  const rubrics = useRubrics();
  return (
    <>
      <Alert type="info" showIcon title={t('recruitment.rubric.hint')} style={{ marginBottom: 24 }} />
      <QueryView query={rubrics}>
        {(items) => items.map((r) => <RubricEditor key={r.profile} rubric={r} />)}
      </QueryView>
    </>
  );
}
