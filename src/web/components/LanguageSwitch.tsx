import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { localizedMessage } from '../i18n/translate.ts';
import { asApiError } from '../lib/api.ts';
import { useSession } from '../session/session.tsx';

/**
 * One button that names the other language, in that language (中文 / English). Saving
 * can fail only for a signed-in user; `onError` shows that (the shell passes its message).
 * `compact` drops the icon for a phone's header.
 */
export function LanguageSwitch({
  onError,
  compact = false,
}: {
  onError?: (text: string) => void;
  compact?: boolean;
}) {
  const { locale, t } = useI18n();
  const { switchLocale } = useSession();
  const next = locale === 'en' ? 'zh-CN' : 'en';

  const onClick = () => {
    switchLocale(next).catch((error: unknown) => {
      const text = `${t('lang.switchFailed')}: ${localizedMessage(locale, asApiError(error))}`;
      if (onError) onError(text);
      else console.error(text);
    });
  };

  return (
    <Button
      type="text"
      icon={compact ? undefined : <TranslationOutlined aria-hidden />}
      onClick={onClick}
      title={t('lang.switchHint')}
      lang={next}
    >
      {t('lang.switch')}
    </Button>
  );
}
