// Shared components carry their own texts: they register them on whichever i18next instance the
// shell provides, so no feature has to pass labels down.
import { useTranslation } from 'react-i18next';
import { locales } from './locales';

const NAMESPACE = 'components';

export function useComponentsText() {
  const { i18n } = useTranslation();
  for (const [language, resources] of Object.entries(locales)) {
    if (!i18n.hasResourceBundle(language, NAMESPACE)) i18n.addResourceBundle(language, NAMESPACE, resources);
  }
  return useTranslation(NAMESPACE).t;
}
