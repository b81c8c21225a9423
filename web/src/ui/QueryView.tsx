import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from './errors';

/** Loading and failure for one query, so pages only describe the data they show. */
export function QueryView<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (query.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (query.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(query.error)}
        action={
          <Button size="small" onClick={() => query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return children(query.data);
}
