// The frame around every signed-in page: side menu (what this role may use), the plan and period the pages show,
// and the account menu.
import {
  AuditOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FormOutlined,
  LogoutOutlined,
  ProjectOutlined,
  ReadOutlined,
  UserOutlined,
  KeyOutlined,
  GlobalOutlined,
  BankOutlined,
  ExperimentOutlined,
  TeamOutlined,
  FileDoneOutlined,
  AlertOutlined,
  CheckSquareOutlined,
  FundProjectionScreenOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Select, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useMe } from '../lib/auth.tsx';
import { periodLabel } from '../lib/format.ts';
import { useWorkspace } from '../lib/workspace.tsx';

interface NavItem {
  key: string;
  label: string;
  icon: ReactNode;
  show: (can: (p: string) => boolean, role: string) => boolean;
}

const NAV: NavItem[] = [
  { key: '/dashboard', label: '首页', icon: <DashboardOutlined />, show: (can) => can('monitoring.read') },
  { key: '/plan', label: '规划', icon: <ReadOutlined />, show: (can) => can('plan.read') },
  { key: '/reporting', label: '填报', icon: <FormOutlined />, show: (can) => can('value.enter') },
  { key: '/review', label: '审核', icon: <FileSearchOutlined />, show: (can) => can('value.review') },
  { key: '/projects', label: '项目', icon: <ProjectOutlined />, show: (can) => can('plan.read') },
  { key: '/tasks', label: '任务', icon: <CheckSquareOutlined />, show: (can) => can('task.read') },
  { key: '/ledger', label: '项目台账', icon: <FundProjectionScreenOutlined />, show: (can) => can('task.read') },
  { key: '/supervision', label: '督办', icon: <AlertOutlined />, show: (can) => can('task.read') },
  { key: '/assessment', label: '考核', icon: <TrophyOutlined />, show: (can) => can('assessment.read') },
  { key: '/municipal', label: '全市', icon: <GlobalOutlined />, show: (can) => can('plan.compare') },
  { key: '/enterprises', label: '企业库', icon: <BankOutlined />, show: (can) => can('register.read') },
  { key: '/platforms', label: '研发平台', icon: <ExperimentOutlined />, show: (can) => can('register.read') },
  { key: '/commissioners', label: '特派员', icon: <TeamOutlined />, show: (can) => can('register.read') },
  { key: '/tech-contracts', label: '技术合同', icon: <FileDoneOutlined />, show: (can) => can('register.read') },
  { key: '/audit', label: '审计', icon: <AuditOutlined />, show: (can) => can('audit.read') },
];

/** Pages that work on one plan and period show the pickers in the header. */
const WITH_PLAN = ['/dashboard', '/plan', '/projects', '/indicators', '/tasks', '/ledger'];
const WITH_PERIOD = ['/dashboard', '/indicators', '/municipal'];

export function Shell({ children }: { children: ReactNode }) {
  const me = useMe();
  const { can, logOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const workspace = useWorkspace();
  const items = NAV.filter((item) => item.show(can, me.user.role));
  const selected = items.find((item) => location.pathname.startsWith(item.key))?.key ?? '';
  const showPlan = WITH_PLAN.some((p) => location.pathname.startsWith(p));
  const showPeriod = WITH_PERIOD.some((p) => location.pathname.startsWith(p));
  const keep = (path: string) => {
    const search = new URLSearchParams();
    if (workspace.plan) search.set('plan', workspace.plan.id);
    search.set('period', workspace.period);
    return `${path}?${search.toString()}`;
  };

  return (
    <Layout className="shell">
      <Layout.Sider className="shell-sider no-print" width={168} breakpoint="lg" collapsedWidth={56} theme="dark">
        <div className="shell-brand" title="科创规划监测与服务平台">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span className="shell-brand-text">科创规划监测</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={items.map((item) => ({ key: item.key, icon: item.icon, label: item.label }))}
          onClick={({ key }) => navigate(keep(key))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="shell-header no-print">
          <Space size="middle" wrap className="shell-pickers">
            {showPlan && (
              <Select
                aria-label="选择规划"
                className="plan-picker"
                value={workspace.plan?.id}
                placeholder={workspace.plans?.length === 0 ? '暂无规划' : '选择规划'}
                loading={workspace.plans === undefined && !workspace.plansError}
                onChange={(id: string) => workspace.setPlan(id)}
                options={(workspace.plans ?? []).map((p) => ({
                  value: p.id,
                  // Titles name their county already (奉节县科技创新“十四五”规划); add it only when they do not.
                  label: p.title.includes(p.countyName) ? p.title : `${p.countyName} · ${p.title}`,
                }))}
                popupMatchSelectWidth={false}
              />
            )}
            {showPeriod && (
              <Select
                aria-label="选择期间"
                className="period-picker"
                value={workspace.period}
                onChange={(p: string) => workspace.setPeriod(p)}
                options={workspace.periods.map((p) => ({ value: p, label: periodLabel(p) }))}
              />
            )}
          </Space>
          <Space className="shell-user">
            <Tag color="blue">{me.roleLabel}</Tag>
            <Dropdown
              menu={{
                items: [
                  { key: 'who', label: <Typography.Text type="secondary">{[me.user.countyName, me.user.unitName].filter(Boolean).join(' · ') || '全市'}</Typography.Text>, disabled: true },
                  { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
                  { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
                ],
                onClick: ({ key }) => {
                  if (key === 'password') navigate('/account/password');
                  if (key === 'logout') void logOut().then(() => navigate('/'));
                },
              }}
            >
              <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                {me.user.displayName || me.user.username}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="shell-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
