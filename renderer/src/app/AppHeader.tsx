// The product header shared by all pages: the 汇报 mark, a page title slot, and the language switch.
import type { ReactNode } from 'react';
import { LanguageSwitch, useT } from '../i18n/I18nProvider.tsx';

export function AppHeader({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        <span className="brand-mark" aria-hidden="true">
          汇
        </span>
        <span className="brand-name">
          <span lang="zh-CN">{t('app.name')}</span> <span className="brand-latin">{t('app.nameLatin')}</span>
        </span>
      </a>
      <div className="app-header-middle">{children}</div>
      <LanguageSwitch />
    </header>
  );
}
