// Sign-in API (issue 9: src/http/routes/auth.ts). The shapes mirror the route's `meSchema`; that schema lives in the
// route file (server code), so the web app keeps this typed mirror rather than bundling the route.
import type { Role } from '@domain/access.ts';
import { api, setCsrfToken } from './client.ts';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  countyId: string | null;
  countyName: string | null;
  unitId: string | null;
  unitName: string | null;
  enterpriseId: string | null;
  mustChangePassword: boolean;
}

export interface Me {
  user: CurrentUser;
  roleLabel: string;
  csrfToken: string;
  permissions: string[];
}

export async function fetchMe(): Promise<Me> {
  const me = await api.get<Me>('/api/auth/me', { quiet401: true });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logIn(username: string, password: string): Promise<Me> {
  const me = await api.post<Me>('/api/auth/login', { username, password }, { quiet401: true });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logOut(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api.post<void>('/api/auth/change-password', { currentPassword, newPassword });
}
