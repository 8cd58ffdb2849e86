// The plan and period every screen works on, chosen in the header and kept in the URL (?plan=…&period=…) so a
// link or a printed page says what it shows; the last choice is remembered for the next visit.
import { defaultDataYear } from '@domain/plan/plan-for-year.ts';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { PlanSummary } from '../api/plans.ts';
import { useAsync } from './useAsync.ts';

interface Workspace {
  plans: PlanSummary[] | undefined;
  plansError: unknown;
  reloadPlans: () => void;
  plan: PlanSummary | null;
  period: string;
  periods: string[];
  setPlan: (planId: string) => void;
  setPeriod: (period: string) => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);
const STORAGE_KEY = 'kechuang.workspace';

function remembered(): { plan?: string; period?: string } {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as { plan?: string; period?: string };
  } catch {
    return {};
  }
}

/** Years of the plan period up to last year (statistics for a year arrive the year after). */
export function planYears(plan: PlanSummary | null): string[] {
  const thisYear = new Date().getFullYear();
  const start = plan?.periodStart ?? thisYear - 4;
  const end = plan?.periodEnd ?? thisYear;
  const years: string[] = [];
  for (let y = start; y <= end; y += 1) years.push(String(y));
  return years;
}

export function defaultPeriod(plan: PlanSummary | null): string {
  return String(defaultDataYear(plan, new Date()));
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const plansState = useAsync(() => api.get<{ plans: PlanSummary[] }>('/api/plans').then((r) => r.plans), []);
  const [params, setParams] = useSearchParams();
  const plans = plansState.data;
  const memory = remembered();
  const wantedPlan = params.get('plan') ?? memory.plan ?? null;
  const plan = plans?.find((p) => p.id === wantedPlan) ?? plans?.[0] ?? null;
  const periods = planYears(plan);
  const wantedPeriod = params.get('period') ?? memory.period ?? null;
  // A period outside the chosen plan (2025 remembered from the 十四五 plan, then the 十五五 plan picked) falls back to
  // the plan's own default rather than judging a plan on a year it does not cover.
  const period =
    wantedPeriod && /^\d{4}([HQM]\d{1,2})?$/.test(wantedPeriod) && periods.includes(wantedPeriod.slice(0, 4)) ? wantedPeriod : defaultPeriod(plan);

  useEffect(() => {
    if (plan) localStorage.setItem(STORAGE_KEY, JSON.stringify({ plan: plan.id, period }));
  }, [plan, period]);

  const update = useCallback(
    (key: 'plan' | 'period', value: string) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set(key, value);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const value = useMemo<Workspace>(
    () => ({
      plans,
      plansError: plansState.error,
      reloadPlans: plansState.reload,
      plan,
      period,
      periods,
      setPlan: (id) => update('plan', id),
      setPeriod: (p) => update('period', p),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [plans, plansState.error, plan, period, periods.join(','), update],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}

/** A link target keeping the chosen plan and period. */
export function useWorkspaceLink(): (path: string, extra?: Record<string, string>) => string {
  const { plan, period } = useWorkspace();
  return useCallback(
    (path, extra = {}) => {
      const search = new URLSearchParams({ ...(plan ? { plan: plan.id } : {}), period, ...extra });
      return `${path}?${search.toString()}`;
    },
    [plan, period],
  );
}
