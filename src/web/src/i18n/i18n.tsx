import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

// Russian and English. Each page area has its own dictionary module (i18n/<area>.ts) made with
// `dictionary({ en: {...}, ru: {...} })`; the compiler makes both languages carry the same keys, and
// i18n.test.ts checks them again with their {placeholders}.

export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const STORAGE_KEY = 'reckon.lang';

/** One area's messages: English defines the keys, Russian must have exactly the same. */
export interface Dictionary<K extends string> {
  en: Readonly<Record<K, string>>;
  ru: Readonly<Record<K, string>>;
}

/** Declares an area's messages (`{name}` placeholders are filled by t()). */
export function dictionary<const E extends Record<string, string>>(d: {
  en: E;
  ru: NoInfer<Record<keyof E, string>>;
}): Dictionary<keyof E & string> {
  return d;
}

/** The keys of a dictionary. */
export type KeysOf<D> = D extends Dictionary<infer K> ? K : never;

export type Vars = Readonly<Record<string, string | number>>;
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** Fills `{name}` placeholders; a missing variable stays visible as `{name}`. */
export function format(template: string, vars?: Vars): string {
  if (vars === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : String(v);
  });
}

/** A t() for one dictionary and language (usable outside React, e.g. in tests). */
export function translator<K extends string>(dict: Dictionary<K>, lang: Lang): Translate<K> {
  return (key, vars) => format(dict[lang][key], vars);
}

/** Russian plural form: 1 книга, 2 книги, 5 книг. */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

/** The stored choice, else the browser's first preference (Russian if it starts with ru/uk/be, else English). */
export function initialLang(stored: string | null, preferred: readonly string[]): Lang {
  if (stored === 'ru' || stored === 'en') return stored;
  for (const p of preferred) {
    const base = p.toLowerCase().split('-')[0] ?? '';
    if (base === 'ru' || base === 'uk' || base === 'be') return 'ru';
    if (base === 'en') return 'en';
  }
  return 'en';
}

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangState>({ lang: 'en', setLang: () => undefined });

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function LangProvider({ children }: { children: ReactNode }): ReactNode {
  const [lang, setLangState] = useState<Lang>(() => initialLang(readStored(), navigator.languages));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

/** The current language and its setter. */
export function useLang(): LangState {
  return useContext(LangContext);
}

/** t() for one area's dictionary in the current language. */
export function useT<K extends string>(dict: Dictionary<K>): Translate<K> {
  const { lang } = useLang();
  return useMemo(() => translator(dict, lang), [dict, lang]);
}
