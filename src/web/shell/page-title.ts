/** Each route names itself in the browser tab: "<page> – <service>". */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation('common');
  const service = t('common:service.name');
  useEffect(() => {
    document.title = title ? `${title} – ${service}` : service;
  }, [title, service]);
}
