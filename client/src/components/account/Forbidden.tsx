import { EmptyState } from '@/components/EmptyState';
import { emptyAction } from '@/components/emptyAction';
import { relaunch } from '@/lib/routes';

/** The acting role may not use this page (the server would answer AUTH.FORBIDDEN anyway). */
export function Forbidden({ what }: { what: string }) {
  return (
    <EmptyState
      status="error"
      title="当前身份无权使用此功能"
      description={`${what}仅对相应角色开放，可在首页切换身份`}
      actions={[emptyAction('返回首页', () => relaunch('home'))]}
    />
  );
}
