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
  const status = error instanceof ApiError ? error.status : 0;
  const text = errorText(error);
  const heading = status === 403 ? '没有权限查看此内容' : status === 404 ? '没有找到要查看的内容' : status === 0 ? '无法连接服务器' : '加载失败';
  return (
    <Result
      status={status === 403 ? '403' : status === 404 ? '404' : 'warning'}
      title={title ?? heading}
      subTitle={`${text}${(status >= 500 || status === 0) && !text.includes('稍后') ? '。请稍后重试，如仍不行请联系管理员。' : ''}`}
      extra={
        status === 404 ? (
          <Button onClick={() => window.location.assign('/')}>返回首页</Button>
        ) : onRetry ? (
          <Button onClick={onRetry}>重试</Button>
        ) : undefined
      }
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
