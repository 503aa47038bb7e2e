import { LogoutOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useT } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';

/** Log out, for pages without the user menu (the forced password change). */
export function SignOutButton() {
  const t = useT();
  const { signOut } = useSession();
  return (
    <Button type="text" icon={<LogoutOutlined aria-hidden />} onClick={() => void signOut(false)}>
      {t('header.logout')}
    </Button>
  );
}
