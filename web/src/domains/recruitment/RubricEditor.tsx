import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { criterionLabel, optionLabel } from './labels';
import type { Criterion, Rubric } from './types';

function pointsText(t: ReturnType<typeof useTranslation>['t'], c: Criterion): string {
  if (c.kind === 'yes_no') return t('recruitment.rubric.yesPoints', { points: c.points });
  if (c.kind === 'number')
    return c.bands
      .map((b) => t('recruitment.rubric.band', { atLeast: b.atLeast, points: b.points }))
      .join('；');
  return c.options.map((o) => `${optionLabel(t, c.key, o)} ${o.points}`).join('；');
}

/**
 * One recruitment model's rubric for HQ: the criteria as they score, and an editor for the
 * whole list as JSON (the server checks it and keeps earlier scores).
 */
export function RubricEditor({ rubric }: { rubric: Rubric }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (criteria: unknown) =>
      api<Rubric>(`/recruitment/rubrics/${rubric.profile}`, { method: 'PUT', body: { criteria } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['rubrics'] }),
  });

  const submit = () => {
    let criteria: unknown;
    try {
      criteria = JSON.parse(draft ?? '');
    } catch {
      message.error(t('recruitment.rubric.badJson'));
      return;
    }
    save.mutate(criteria, {
      onSuccess: (saved) => {
        message.success(t('recruitment.rubric.saved', { version: saved.version }));
        setDraft(null);
      },
      onError: (error) => message.error(errorText(error), 8),
    });
  };

  return (
    <Card
      title={t(`recruitment.profiles.${rubric.profile}`)}
      extra={
        <Space>
          <Tag>{t('recruitment.rubric.version', { version: rubric.version })}</Tag>
          <Tag color="green">{t('recruitment.rubric.max', { max: rubric.maxScore })}</Tag>
        </Space>
      }
      style={{ marginBottom: 24 }}
      data-testid={`rubric-${rubric.profile}`}
    >
      <Table<Criterion>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rubric.criteria}
        columns={[
          { key: 'label', title: t('recruitment.rubric.criterion'), render: (_, c) => criterionLabel(t, c) },
          { key: 'key', title: t('recruitment.rubric.key'), render: (_, c) => <code>{c.key}</code> },
          { key: 'points', title: t('recruitment.rubric.points'), render: (_, c) => pointsText(t, c) },
        ]}
      />
      {draft === null ? (
        <Button style={{ marginTop: 16 }} onClick={() => setDraft(JSON.stringify(rubric.criteria, null, 2))}>
          {t('recruitment.rubric.edit')}
        </Button>
      ) : (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Input.TextArea
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            autoSize={{ minRows: 8, maxRows: 24 }}
            style={{ fontFamily: 'monospace' }}
            aria-label={t('recruitment.rubric.edit')}
          />
          <Space>
            <Button type="primary" loading={save.isPending} onClick={submit}>
              {t('common.save')}
            </Button>
            <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}
