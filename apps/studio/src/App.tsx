import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { setRequestLocale } from './api/client.ts';
import type { User } from './api/types.ts';
import { BoardsPage } from './boards/BoardsPage.tsx';
import { FormsPage } from './forms/FormsPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { LocaleProvider, useLocale } from './i18n/locale.tsx';
import { InboxPage } from './inbox/InboxPage.tsx';
import { LoginPage } from './session/LoginPage.tsx';
import { useSaveLocale, useSession } from './session/session.ts';
import { Shell } from './shell/Shell.tsx';
import { Empty, ErrorNotice, Loading } from './ui/states.tsx';

// Pages with heavy parts (echarts, the form engine, the schema index) load when first opened, so the
// sign-in page and the home page stay small on a phone.
const BoardPage = lazy(() => import('./boards/BoardPage.tsx').then((m) => ({ default: m.BoardPage })));
const FillPage = lazy(() => import('./forms/FillPage.tsx').then((m) => ({ default: m.FillPage })));
const RecordPage = lazy(() => import('./records/RecordPage.tsx').then((m) => ({ default: m.RecordPage })));
const RecordsPage = lazy(() => import('./records/RecordsPage.tsx').then((m) => ({ default: m.RecordsPage })));
const ImportPage = lazy(() => import('./imports/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const PeoplePage = lazy(() => import('./admin/PeoplePage.tsx').then((m) => ({ default: m.PeoplePage })));
const TokensPage = lazy(() => import('./admin/TokensPage.tsx').then((m) => ({ default: m.TokensPage })));
const ConnectorsPage = lazy(() =>
  import('./admin/ConnectorsPage.tsx').then((m) => ({ default: m.ConnectorsPage })),
);
const AuditPage = lazy(() => import('./admin/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const NewFromFilePage = lazy(() =>
  import('./forms/NewFromFilePage.tsx').then((m) => ({ default: m.NewFromFilePage })),
);
const WorkflowsPage = lazy(() =>
  import('./workflows/WorkflowsPage.tsx').then((m) => ({ default: m.WorkflowsPage })),
);
const WorkflowRunsPage = lazy(() =>
  import('./workflows/WorkflowsPage.tsx').then((m) => ({ default: m.WorkflowRunsPage })),
);
const BoardDesignPage = lazy(() =>
  import('./boards/BoardDesignPage.tsx').then((m) => ({ default: m.BoardDesignPage })),
);
const WorkflowDesignPage = lazy(() =>
  import('./workflows/WorkflowDesignPage.tsx').then((m) => ({ default: m.WorkflowDesignPage })),
);
const DesignPage = lazy(() => import('./forms/DesignPage.tsx').then((m) => ({ default: m.DesignPage })));
const TvPage = lazy(() => import('./boards/TvPage.tsx').then((m) => ({ default: m.TvPage })));
const GalleryPage = lazy(() => import('./packs/GalleryPage.tsx').then((m) => ({ default: m.GalleryPage })));
const HistoryPage = lazy(() =>
  import('./versions/HistoryPage.tsx').then((m) => ({ default: m.HistoryPage })),
);

/** Keeps the page language and the API's Accept-Language in step with the chosen locale. */
function LanguageEffects() {
  const { locale } = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
    setRequestLocale(locale);
  }, [locale]);
  return null;
}

function NotFound() {
  const { t } = useLocale();
  return (
    <Empty>
      <h1>{t({ 'zh-CN': '找不到这个页面', en: 'Page not found' })}</h1>
    </Empty>
  );
}

/** Every page of a signed-in user. */
function Pages({ user }: { readonly user: User }) {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">{() => <HomePage user={user} />}</Route>
        <Route path="/forms">{() => <FormsPage user={user} />}</Route>
        <Route path="/forms/new-from-file">{() => <NewFromFilePage />}</Route>
        <Route path="/forms/:id/design">{(params) => <DesignPage formId={params.id} />}</Route>
        <Route path="/forms/:id/fill">{(params) => <FillPage formId={params.id} user={user} />}</Route>
        <Route path="/forms/:id/import">{(params) => <ImportPage formId={params.id} />}</Route>
        <Route path="/forms/:id/records">{(params) => <RecordsPage formId={params.id} />}</Route>
        <Route path="/records/:id">{(params) => <RecordPage recordId={params.id} />}</Route>
        <Route path="/boards">{() => <BoardsPage user={user} />}</Route>
        <Route path="/boards/:id/design">{(params) => <BoardDesignPage boardId={params.id} />}</Route>
        <Route path="/boards/:id">{(params) => <BoardPage boardId={params.id} user={user} />}</Route>
        <Route path="/tv">{() => <TvPage />}</Route>
        <Route path="/inbox">{() => <InboxPage />}</Route>
        <Route path="/definitions/:id/history">{(params) => <HistoryPage definitionId={params.id} />}</Route>
        <Route path="/workflows">{() => <WorkflowsPage />}</Route>
        <Route path="/workflows/:id/design">
          {(params) => <WorkflowDesignPage workflowId={params.id} />}
        </Route>
        <Route path="/workflows/:id/runs">{(params) => <WorkflowRunsPage workflowId={params.id} />}</Route>
        <Route path="/templates">{() => <GalleryPage user={user} />}</Route>
        <Route path="/admin">{() => <Redirect to="/admin/people" />}</Route>
        <Route path="/admin/people">{() => <PeoplePage />}</Route>
        <Route path="/admin/tokens">{() => <TokensPage />}</Route>
        <Route path="/admin/connectors">{() => <ConnectorsPage />}</Route>
        <Route path="/admin/audit">{() => <AuditPage />}</Route>
        <Route>{() => <NotFound />}</Route>
      </Switch>
    </Suspense>
  );
}

/** Signed in: the shell and the pages; signed out: the sign-in page. */
function SessionGate() {
  const session = useSession();
  const user = session.data?.user;
  const saveLocale = useSaveLocale();
  return (
    <LocaleProvider
      {...(user ? { userId: user.id, onChoose: saveLocale } : {})}
      {...(session.data?.preferences?.locale ? { chosen: session.data.preferences.locale } : {})}
    >
      <LanguageEffects />
      {session.isPending ? (
        <Loading />
      ) : session.error ? (
        <ErrorNotice error={session.error} retry={() => void session.refetch()} />
      ) : user ? (
        <Shell user={user}>
          <Pages user={user} />
        </Shell>
      ) : (
        <LoginPage />
      )}
    </LocaleProvider>
  );
}

/** The studio: data caching (react-query) around the session gate. */
export function App({ client = new QueryClient() }: { readonly client?: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <SessionGate />
    </QueryClientProvider>
  );
}
