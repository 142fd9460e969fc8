/**
 * The import's check report for an old review or description chosen from the computer: read by
 * the server as the import preview reads it (nothing is written) and downloaded as HTML or XLSX,
 * the findings grouped by theme, for sending to each coordination project.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../contracts/api.js';
import { ErrorNotice } from '../../components/feedback.js';
import { Button } from '../../components/forms.js';
import { Toolbar } from '../../components/layout.js';
import { Paragraph, SectionHeading } from '../../components/typography.js';
import { useLanguage } from '../../shell/language.js';
import { useSession } from '../../shell/session.js';

/** The upload the preview takes: text as is, a .docx in base64. */
export async function uploadOf(file: File) {
  if (!file.name.toLowerCase().endsWith('.docx'))
    return { format: 'text', content: await file.text(), filename: file.name };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { format: 'docx', content: btoa(binary), filename: file.name };
}

export function ImportCheckReport({ periodKey }: { periodKey: string }) {
  const lang = useLanguage();
  const { t } = useTranslation('reports');
  const { session } = useSession();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async (format: 'html' | 'xlsx') => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': lang };
      if (session?.csrfToken) headers['x-csrf-token'] = session.csrfToken;
      const response = await fetch(
        `/api/v1/reporting-periods/${encodeURIComponent(periodKey)}/imports/check-report.${format}`,
        { method: 'POST', headers, body: JSON.stringify(await uploadOf(file)), credentials: 'same-origin' },
      );
      if (!response.ok) {
        const problem = (response.headers.get('content-type') ?? '').includes('json')
          ? ((await response.json()) as Problem & { errors?: { message?: string }[] })
          : null;
        setError(problem?.errors?.[0]?.message ?? problem?.detail ?? problem?.title ?? `HTTP ${response.status}`);
        return;
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name ?? `tarkistusraportti-${periodKey}.${format}`;
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      setError(t('checkReport.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <SectionHeading level={3} id={`check-report-${periodKey}`}>
        {t('checkReport.heading')}
      </SectionHeading>
      <Paragraph>{t('checkReport.text')}</Paragraph>
      <label htmlFor={inputId}>{t('checkReport.file')}</label>{' '}
      <input
        id={inputId}
        type="file"
        accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <Toolbar>
        <Button onClick={() => void download('html')} disabled={busy || !file}>
          {t('checkReport.html')}
        </Button>
        <Button onClick={() => void download('xlsx')} disabled={busy || !file} variant="secondary">
          {t('checkReport.xlsx')}
        </Button>
      </Toolbar>
      <div aria-live="polite">{error ? <ErrorNotice title={t('checkReport.failed')}>{error}</ErrorNotice> : null}</div>
    </>
  );
}
