// i18next with Simplified Chinese first and English as a switch. The shell's texts are the
// `common` namespace; each feature folder brings its own `locales.ts`, registered here under the
// folder's name, so a feature that does not exist yet breaks nothing.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

type Resources = Record<string, unknown>;
interface FeatureLocales {
  locales?: Partial<Record<Language, Resources>>;
}

const LANGUAGE_KEY = 'cg.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** `../features/compounds/locales.ts` → `compounds` */
export function namespaceOf(path: string): string | undefined {
  return /\/features\/([^/]+)\/locales\.ts$/.exec(path)?.[1];
}

function featureResources(): Record<Language, Record<string, Resources>> {
  const modules = import.meta.glob<FeatureLocales>('../features/*/locales.ts', { eager: true });
  const resources: Record<Language, Record<string, Resources>> = { 'zh-CN': {}, en: {} };
  for (const [path, module] of Object.entries(modules)) {
    const namespace = namespaceOf(path);
    if (!namespace) continue;
    for (const language of languages) {
      const texts = module.locales?.[language];
      if (texts) resources[language][namespace] = texts;
    }
  }
  return resources;
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyLanguage(language: Language): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

const features = featureResources();
const language = storedLanguage();
applyLanguage(language);

void i18n.use(initReactI18next).init({
  lng: language,
  fallbackLng: 'zh-CN',
  supportedLngs: [...languages],
  ns: ['common', ...Object.keys(features['zh-CN'])],
  defaultNS: 'common',
  resources: {
    'zh-CN': { common: zhCN, ...features['zh-CN'] },
    en: { common: en, ...features.en },
  },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  // No advertisement in the console of an offline office app (or in every test run's output).
  showSupportNotice: false,
});

export async function setLanguage(next: Language): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, next);
  applyLanguage(next);
  await i18n.changeLanguage(next);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

export { i18n };
