import { Component, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';

function LoadFailed() {
  const t = useT();
  return (
    <div role="alert" style={{ padding: 48, textAlign: 'center' }}>
      <p>{t('app.loadFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}

/**
 * Catches a page that failed to render, typically a page chunk that no longer exists
 * after the server was updated while this tab stayed open; a reload fixes that.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}
