import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { ErrorNote, Loading } from './ui';
import { useSession } from './session';
import { SignIn } from './SignIn';

// Each page is its own chunk: the first load carries only the shell and the page shown.
const Overview = lazy(() => import('./pages/Overview'));
const NewCheck = lazy(() => import('./pages/NewCheck'));
const Batch = lazy(() => import('./pages/Batch'));
const Webhooks = lazy(() => import('./pages/Webhooks'));
const Keys = lazy(() => import('./pages/Keys'));
const OperatorAccounts = lazy(() => import('./pages/OperatorAccounts'));
const OperatorAccount = lazy(() => import('./pages/OperatorAccount'));
const OperatorSystem = lazy(() => import('./pages/OperatorSystem'));

export function App() {
  const session = useSession();
  if (session.isPending) return <Loading label="Opening the dashboard" />;
  if (session.isError) return <ErrorNote error={session.error} />;
  if (!session.data) return <SignIn />;
  const operator = session.data.kind === 'operator';
  return (
    <Layout session={session.data}>
      <Suspense fallback={<Loading label="Loading the page" />}>
        {operator ? (
          <Routes>
            <Route path="/operator" element={<OperatorAccounts />} />
            <Route path="/operator/accounts/:accountId" element={<OperatorAccount />} />
            <Route path="/operator/system" element={<OperatorSystem />} />
            <Route path="*" element={<Navigate to="/operator" replace />} />
          </Routes>
        ) : (
          <Routes>
            <Route path="/" element={<Overview />} />
            <Route path="/new" element={<NewCheck />} />
            <Route path="/batches/:batchId" element={<Batch />} />
            <Route path="/webhooks" element={<Webhooks />} />
            <Route path="/keys" element={<Keys />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        )}
      </Suspense>
    </Layout>
  );
}
