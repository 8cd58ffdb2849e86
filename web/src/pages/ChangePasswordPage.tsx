import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { changePassword } from '../api/auth.ts';
import { errorText } from '../api/client.ts';
import { useAuth } from '../lib/auth.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { refresh, logOut, state } = useAuth();
  const username = state.kind === 'signed-in' ? state.me.user.username : '';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      message.success('密码已修改');
      await refresh();
      navigate('/', { replace: true });
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  const card = (
    <Card className="login-card" title="修改密码">
      {forced && <Alert type="warning" showIcon title="首次登录须修改初始密码后才能继续使用" style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          validateFirst
          extra="至少 10 个字符，含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 10, message: '新密码至少 10 个字符' },
            {
              validator: (_rule, value: string | undefined) =>
                !value || [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length >= 3
                  ? Promise.resolve()
                  : Promise.reject(new Error('须包含大写字母、小写字母、数字、符号中的至少三类')),
            },
            {
              validator: (_rule, value: string | undefined) =>
                !value || !username || !value.toLowerCase().includes(username.toLowerCase())
                  ? Promise.resolve()
                  : Promise.reject(new Error('新密码不能包含用户名')),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="confirm"
          validateFirst
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          确认修改
        </Button>
        {forced && (
          <Button type="link" block onClick={() => void logOut()} style={{ marginTop: 8 }}>
            退出登录
          </Button>
        )}
      </Form>
    </Card>
  );
  return forced ? <main className="login-page">{card}</main> : <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 32 }}>{card}</div>;
}
