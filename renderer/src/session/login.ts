// `POST /api/auth/login`: the only request without a token.
import type { LoginRequest, LoginResponse } from '@domain/contract';
import { isDesktop } from '../desktop';
import { APP_VERSION } from '../desktop/version';
import { i18n } from '../i18n';
import { ApiError, createApiClient } from '../sync/api';

function isLoginResponse(value: unknown): value is LoginResponse {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Record<string, unknown>;
  return typeof answer.token === 'string' && typeof answer.deviceId === 'string' && typeof answer.user === 'object' && answer.user !== null;
}

/** e.g. "网页版 · Chrome 126 · Windows": enough for an admin to recognise the device in the list. */
export function deviceNameFrom(userAgent: string, kind: 'web' | 'desktop'): string {
  const browser = /(Edg|Chrome|Firefox|Safari)\/(\d+)/.exec(userAgent);
  const system = /Windows|Mac OS X|Android|Linux|iPhone|iPad/.exec(userAgent)?.[0];
  const parts = [i18n.t(`common:device.${kind}`, { lng: 'zh-CN' }), browser ? `${browser[1] === 'Edg' ? 'Edge' : browser[1]} ${browser[2]}` : undefined, system];
  return parts.filter(Boolean).join(' · ').slice(0, 100);
}

export async function requestLogin(serverUrl: string, username: string, password: string, deviceId?: string): Promise<LoginResponse> {
  const api = createApiClient({ serverUrl, clientVersion: APP_VERSION });
  const body: LoginRequest = {
    username,
    password,
    deviceName: deviceNameFrom(navigator.userAgent, isDesktop() ? 'desktop' : 'web'),
    ...(deviceId ? { deviceId } : {}),
  };
  const answer = await api.post<unknown>('/api/auth/login', body);
  if (!isLoginResponse(answer)) throw new ApiError('bad_response', i18n.t('common:errors.badResponse'));
  return answer;
}
