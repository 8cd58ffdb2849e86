// fetch() for the platform API: JSON in and out, the session cookie sent automatically, the CSRF token from
// GET /api/auth/me echoed in `x-csrf-token` on every state-changing request, and errors turned into ApiError with
// the server's Chinese message (the server answers "中文 / English"; people see the Chinese half).

export interface ApiErrorBody {
  error?: string;
  message?: string;
  details?: { path: string; message: string }[];
  /** 409 version conflicts carry the record as it is now. */
  current?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: ApiErrorBody,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401 (session expired): the app shows the sign-in page. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** The Chinese half of "中文 / English". */
export function chineseMessage(message: string): string {
  const cut = message.indexOf(' / ');
  return cut > 0 ? message.slice(0, cut) : message;
}

/** What to tell a person about a failed request. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return '无法连接服务器，请检查网络后重试';
  if (error instanceof Error) return chineseMessage(error.message);
  return '操作失败，请稍后重试';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** Raw bytes (an uploaded file) instead of JSON. */
  raw?: { data: Blob | ArrayBuffer; contentType: string; headers?: Record<string, string> };
  signal?: AbortSignal;
  /** Do not fire the 401 listeners (the sign-in probe itself). */
  quiet401?: boolean;
}

async function send(method: Method, url: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.raw) {
    Object.assign(headers, options.raw.headers);
    headers['content-type'] = options.raw.contentType;
    body = options.raw.data;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) init.body = body;
  if (options.signal) init.signal = options.signal;
  const response = await fetch(url, init);
  if (!response.ok) {
    let parsed: ApiErrorBody = {};
    try {
      parsed = (await response.json()) as ApiErrorBody;
    } catch {
      parsed = {};
    }
    if (response.status === 401 && !options.quiet401) for (const listener of unauthorizedListeners) listener();
    const fallback =
      response.status === 404
        ? '未找到，可能已被删除或尚未开放'
        : response.status === 403
          ? '无权执行此操作'
          : response.status >= 500
            ? '服务器内部错误，请稍后重试'
            : `请求失败（${response.status}）`;
    const message = parsed.message ? chineseMessage(parsed.message) : fallback;
    throw new ApiError(response.status, parsed.error ?? String(response.status), message, parsed);
  }
  return response;
}

async function json<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text.length === 0 ? undefined : JSON.parse(text)) as T;
}

export const api = {
  async get<T>(url: string, options?: RequestOptions): Promise<T> {
    return json<T>(await send('GET', url, options));
  },
  async post<T>(url: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return json<T>(await send('POST', url, { ...options, body }));
  },
  async patch<T>(url: string, body: unknown, options?: RequestOptions): Promise<T> {
    return json<T>(await send('PATCH', url, { ...options, body }));
  },
  async put<T>(url: string, body: unknown, options?: RequestOptions): Promise<T> {
    return json<T>(await send('PUT', url, { ...options, body }));
  },
  async del<T>(url: string, options?: RequestOptions): Promise<T> {
    return json<T>(await send('DELETE', url, options));
  },
  /** POST a file as its raw bytes (with extra headers, e.g. the URL-encoded `x-file-name`). */
  async upload<T>(url: string, file: Blob, contentType: string, headers?: Record<string, string>): Promise<T> {
    return json<T>(await send('POST', url, { raw: { data: file, contentType, ...(headers ? { headers } : {}) } }));
  },
  /** GET a file (template, export) and hand it to the browser as a download. */
  async download(url: string, fallbackName: string): Promise<void> {
    const response = await send('GET', url);
    const blob = await response.blob();
    saveBlob(blob, fileNameOf(response.headers.get('content-disposition')) ?? fallbackName);
  },
};

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plainName = /filename="?([^";]+)"?/i.exec(disposition);
  return plainName?.[1] ?? null;
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Query string from defined values only. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
