// Loading, empty and error states written for people, the same on every screen.
import { Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError, errorText } from '../api/client.ts';

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <div className="page-state" role="status" aria-live="polite">
      <Spin size="large" />
      <div className="page-state-text">{text}</div>
    </div>
  );
}

export function EmptyState({ text, action }: { text: ReactNode; action?: ReactNode }) {
  return (
    <div className="page-state">
      <Empty description={text} image={Empty.PRESENTED_IMAGE_SIMPLE}>
        {action}
      </Empty>
    </div>
  );
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const notYet = error instanceof ApiError && error.status === 404 && error.code === '404';
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Result
      status={forbidden ? '403' : 'warning'}
      title={title ?? (forbidden ? '没有权限查看此页面' : notYet ? '该功能暂未开放' : '加载失败')}
      subTitle={notYet ? '服务器尚未提供此数据，请稍后再试或联系管理员。' : errorText(error)}
      extra={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
    />
  );
}

/** Renders loading / error / content for a useAsync result. */
export function AsyncView<T>({
  state,
  children,
  loadingText,
}: {
  state: { data: T | undefined; error: unknown; loading: boolean; reload: () => void };
  children: (data: T) => ReactNode;
  loadingText?: string;
}) {
  if (state.error) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading {...(loadingText ? { text: loadingText } : {})} />;
  return <>{children(state.data)}</>;
}
