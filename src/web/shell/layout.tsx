/**
 * The language root of every route (/:lang/…): sets the language of i18next and of the document,
 * and wraps the page in the app shell.
 */
import { Suspense, useEffect, useLayoutEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { Button } from '../components/forms.js';
import { AppShell, type NavigationItem } from '../components/app-shell.js';
import { Loading } from '../components/feedback.js';
import { AppLink, PlainLink } from '../components/links.js';
import { NavigationFocusProvider } from '../components/navigation-focus.js';
import { SearchBox } from '../components/search-box.js';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../i18n.js';
import { inLanguage, paths } from '../paths.js';
import { NotFoundPage } from '../features/not-found/not-found-page.js';
import { LanguageContext, useLanguage } from './language.js';
import { mayAnywhere, readableGroupKeys, readsSomeReports, useSession } from './session.js';

/** Each language's name in itself, as language choices are written. */
const LANGUAGE_NAMES: Record<Language, string> = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' };

export function LanguageRoot() {
  const params = useParams();
  const known = isLanguage(params.lang);
  const lang: Language = known ? (params.lang as Language) : DEFAULT_LANGUAGE;
  const { i18n } = useTranslation('common');

  // Before paint, so that the page is never drawn in the previous language.
  useLayoutEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
  }, [i18n, lang]);

  return (
    <LanguageContext.Provider value={lang}>
      <NavigationFocusProvider>
        <Layout>{known ? <Outlet /> : <NotFoundPage />}</Layout>
      </NavigationFocusProvider>
    </LanguageContext.Provider>
  );
}

function Layout({ children }: { children: ReactNode }) {
  const lang = useLanguage();
  const { t } = useTranslation('common');
  const { pathname, search } = useLocation();
  const section = pathname.split('/')[2] ?? '';
  const { session, signOut } = useSession();
  const navigate = useNavigate();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const navigation: NavigationItem[] = [
    // Signed in, one's own tasks come first: the start page after sign-in.
    ...(session ? [{ to: paths.tasks(lang), label: t('common:nav.tasks'), selected: section === 'tasks' }] : []),
    {
      to: paths.overview(lang),
      label: t('common:nav.themes'),
      selected: section === '' || section === 'themes',
      end: true,
    },
    { to: paths.projects(lang), label: t('common:nav.projects'), selected: section === 'projects' },
    { to: paths.organisations(lang), label: t('common:nav.organisations'), selected: section === 'organisations' },
    { to: paths.calls(lang), label: t('common:nav.calls'), selected: section === 'calls' },
    { to: paths.publishedMinutesList(lang), label: t('common:nav.minutes'), selected: section === 'minutes' },
    ...(readableGroupKeys(session).length > 0
      ? [
          {
            to: paths.steeringGroups(lang),
            label: t('common:nav.steeringGroups'),
            selected: section === 'steering-groups' || section === 'meetings' || section === 'agenda-items',
          },
        ]
      : []),
    // Theme reports are internal: shown to signed-in users whose role reads or writes some.
    ...(readsSomeReports(session)
      ? [{ to: paths.reports(lang), label: t('common:nav.reports'), selected: section === 'reports' }]
      : []),
    ...(mayAnywhere(session, 'users.manage')
      ? [{ to: paths.users(lang), label: t('common:nav.users'), selected: section === 'users' }]
      : []),
    ...(mayAnywhere(session, 'audit.read')
      ? [{ to: paths.audit(lang), label: t('common:nav.audit'), selected: section === 'audit' }]
      : []),
    ...(mayAnywhere(session, 'audit.read')
      ? [{ to: paths.adminMail(lang), label: t('common:nav.mail'), selected: section === 'admin' }]
      : []),
    { to: paths.about(lang), label: t('common:nav.about'), selected: section === 'about' },
  ];

  const tools = (
    <>
      {LANGUAGES.map((language) => (
        <li key={language}>
          <AppLink to={inLanguage(pathname, search, language)} lang={language} current={language === lang}>
            {LANGUAGE_NAMES[language]}
          </AppLink>
        </li>
      ))}
      {session ? (
        <>
          <li>
            <span>{t('common:signedInAs', { name: session.user.displayName })}</span>
          </li>
          <li>
            <AppLink to={paths.myMail(lang)} current={pathname === paths.myMail(lang)}>
              {t('common:nav.myMail')}
            </AppLink>
          </li>
          <li>
            <Button
              variant="secondaryNoBorder"
              onClick={() => void signOut(lang).then(() => navigate(paths.overview(lang)))}
            >
              {t('common:nav.signOut')}
            </Button>
          </li>
        </>
      ) : (
        <li>
          <AppLink
            to={`${paths.signIn(lang)}${section === 'sign-in' ? '' : `?next=${encodeURIComponent(pathname + search)}`}`}
            current={section === 'sign-in'}
          >
            {t('common:nav.signIn')}
          </AppLink>
        </li>
      )}
    </>
  );

  const footer = (
    <>
      <ul aria-label={t('common:footer.linksLabel')}>
        <li>
          <AppLink to={paths.about(lang)}>{t('common:nav.about')}</AppLink>
        </li>
        <li>
          <AppLink to={paths.accessibility(lang)}>{t('common:footer.accessibility')}</AppLink>
        </li>
        <li>
          <PlainLink href="/api/docs">{t('common:footer.api')}</PlainLink>
        </li>
        <li>
          <PlainLink href="/api/v1/export">{t('common:footer.openData')}</PlainLink>
        </li>
      </ul>
      <p>{t('common:footer.programme')}</p>
      <p>{t('common:footer.cofunded')}</p>
    </>
  );

  return (
    <AppShell
      skipLinkText={t('common:skipLink')}
      serviceName={<AppLink to={paths.overview(lang)}>{t('common:service.name')}</AppLink>}
      serviceSubtitle={t('common:service.subtitle')}
      search={
        <SearchBox
          label={t('common:search.label')}
          searchButtonLabel={t('common:search.search')}
          clearButtonLabel={t('common:search.clear')}
          initial={section === 'search' ? (new URLSearchParams(search).get('q') ?? '') : ''}
          onSearch={(text) => void navigate(paths.search(lang, text))}
        />
      }
      tools={tools}
      navigationLabel={t('common:nav.label')}
      navigationToggleText={t('common:nav.menu')}
      navigation={navigation}
      footer={footer}
    >
      <Suspense fallback={<Loading text={t('common:loading')} />}>{children}</Suspense>
    </AppShell>
  );
}
