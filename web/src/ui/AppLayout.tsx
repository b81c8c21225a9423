import { Button, Layout, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../api/auth';
import { LanguageSwitch } from './LanguageSwitch';

const headerStyle = {
  display: 'flex',
  alignItems: 'center',
  gap: 16,
  paddingInline: 24,
  background: '#14532d',
  color: '#fff',
} as const;

/**
 * The frame of every signed-in page: who is signed in, the language, and the way out.
 * Plain elements instead of Typography keep it light for the partner's first load.
 */
export function AppLayout({
  title,
  nav,
  extra,
  children,
}: {
  title: string;
  /** The console's own sections, under the header; hidden on paper like the header. */
  nav?: ReactNode;
  /** Figures the role needs on every page, such as the partner's float. */
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const navigate = useNavigate();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={headerStyle} className="no-print">
        <strong style={{ fontSize: 20 }} data-testid="app-name">
          {t('app.name')}
        </strong>
        <span style={{ color: '#d1fae5', flex: 1 }}>{title}</span>
        <Space size="middle">
          {extra}
          {user && (
            <span data-testid="current-user">
              {user.displayName} <Tag color="gold">{t(`roles.${user.role}`)}</Tag>
            </span>
          )}
          <LanguageSwitch />
          <Button
            size="small"
            data-testid="logout"
            onClick={async () => {
              await logout();
              navigate('/login', { replace: true });
            }}
          >
            {t('layout.logout')}
          </Button>
        </Space>
      </Layout.Header>
      {nav}
      <Layout.Content
        className="print-page"
        style={{ padding: 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}
      >
        {children}
      </Layout.Content>
    </Layout>
  );
}
