// Routes. Every page is its own lazily loaded chunk (Ant Design's heavier components and ECharts travel with the
// pages that use them), so the first screen carries only React, the router and the shell.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Loading } from './components/PageState.tsx';
import { Shell } from './components/Shell.tsx';
import { useAuth } from './lib/auth.tsx';
import { WorkspaceProvider } from './lib/workspace.tsx';

const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx'));
const PlanPage = lazy(() => import('./pages/PlanPage.tsx'));
const IndicatorPage = lazy(() => import('./pages/IndicatorPage.tsx'));
const ReportingPage = lazy(() => import('./pages/ReportingPage.tsx'));
const ReportFormPage = lazy(() => import('./pages/ReportFormPage.tsx'));
const ReviewPage = lazy(() => import('./pages/ReviewPage.tsx'));
const ProjectsPage = lazy(() => import('./pages/ProjectsPage.tsx'));
const MunicipalPage = lazy(() => import('./pages/MunicipalPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const TasksPage = lazy(() => import('./pages/TasksPage.tsx'));
const TaskDetailPage = lazy(() => import('./pages/TaskDetailPage.tsx'));
const LedgerPage = lazy(() => import('./pages/LedgerPage.tsx'));
const SupervisionPage = lazy(() => import('./pages/SupervisionPage.tsx'));
const AssessmentPage = lazy(() => import('./pages/AssessmentPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const EnterprisesPage = lazy(() => import('./pages/EnterprisesPage.tsx'));
const PlatformsPage = lazy(() => import('./pages/PlatformsPage.tsx'));
const CommissionersPage = lazy(() => import('./pages/CommissionersPage.tsx'));
const TechContractsPage = lazy(() => import('./pages/TechContractsPage.tsx'));

export function App() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.kind === 'loading') return <Loading text="正在连接服务器…" />;
  if (state.kind === 'anonymous') {
    return (
      <Suspense fallback={<Loading />}>
        <LoginPage expired={state.expired} from={location.pathname + location.search} />
      </Suspense>
    );
  }
  if (state.me.user.mustChangePassword) {
    return (
      <Suspense fallback={<Loading />}>
        <ChangePasswordPage forced />
      </Suspense>
    );
  }
  const role = state.me.user.role;
  const home = role === 'unit_reporter' ? '/reporting' : role === 'enterprise' ? '/plan' : '/dashboard';
  return (
    <WorkspaceProvider>
      <Shell>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Navigate to={home + location.search} replace />} />
            <Route path="/login" element={<Navigate to={home} replace />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/plan" element={<PlanPage />} />
            <Route path="/indicators/:indicatorId" element={<IndicatorPage />} />
            <Route path="/reporting" element={<ReportingPage />} />
            <Route path="/reporting/:unitId/:period" element={<ReportFormPage />} />
            <Route path="/review" element={<ReviewPage />} />
            <Route path="/projects" element={<ProjectsPage />} />
            <Route path="/municipal" element={<MunicipalPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/tasks" element={<TasksPage />} />
            <Route path="/tasks/:taskId" element={<TaskDetailPage />} />
            <Route path="/ledger" element={<LedgerPage />} />
            <Route path="/supervision" element={<SupervisionPage />} />
            <Route path="/assessment" element={<AssessmentPage />} />
            <Route path="/account/password" element={<ChangePasswordPage />} />
            <Route path="/enterprises" element={<EnterprisesPage />} />
            <Route path="/platforms" element={<PlatformsPage />} />
            <Route path="/commissioners" element={<CommissionersPage />} />
            <Route path="/tech-contracts" element={<TechContractsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </Shell>
    </WorkspaceProvider>
  );
}
