// The UI language: zh-CN unless the user chose English (remembered in localStorage). Slides keep their own lang="zh-CN".
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLang, langTag, translate, type Lang, type Translate } from './messages.ts';

const STORAGE_KEY = 'huibao.lang';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

/** The language chosen in this browser (the app and the exported HTML share the key), else Chinese. */
export function storedLang(): Lang {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : 'zh';
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = langTag(lang);
    document.title = lang === 'zh' ? '汇报 Huibao' : 'Huibao 汇报';
  }, [lang]);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useT() outside <I18nProvider>');
  return ctx;
}

export function useT(): Translate {
  return useI18n().t;
}

/**
 * For what also renders outside the app (slides in the exported file, printed pages): the app's language inside it,
 * else the one this browser chose.
 */
export function useSlideT(): Translate {
  const ctx = useContext(I18nContext);
  return ctx?.t ?? ((key, params) => translate(storedLang(), key, params));
}

export function useLang(): [Lang, (lang: Lang) => void] {
  const { lang, setLang } = useI18n();
  return [lang, setLang];
}

/** The visible 中文 / English switch of the header. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.switch')}>
      <button type="button" lang="zh-CN" aria-pressed={lang === 'zh'} onClick={() => setLang('zh')}>
        中文
      </button>
      <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
        English
      </button>
    </div>
  );
}
