import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '../i18n';

const choices: Array<{ value: Language; label: string }> = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

/** Each language named in itself, so a user who cannot read the current one still finds theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Space.Compact size="small" role="group" aria-label={t('lang.label')} data-testid="language-switch">
      {choices.map((c) => (
        <Button
          key={c.value}
          size="small"
          type={c.value === current ? 'primary' : 'default'}
          aria-pressed={c.value === current}
          lang={c.value}
          onClick={() => setLanguage(c.value)}
        >
          {c.label}
        </Button>
      ))}
    </Space.Compact>
  );
}
