/** The one way the consoles talk to the server: JSON over /api/v1 with the bearer token. */

const TOKEN_KEY = 'cuntong.token';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

// The auth context registers here so a 401 from any query returns the user to the login page.
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Options = { method?: string; body?: unknown; headers?: Record<string, string>; anonymous?: boolean };

export async function api<T>(path: string, options: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = tokenStore.get();
  if (token && !options.anonymous) headers.authorization = `Bearer ${token}`;
  // A file (a photo) goes up as it is; everything else as JSON.
  const file = options.body instanceof Blob ? options.body : null;
  if (options.body !== undefined) headers['content-type'] = file ? file.type : 'application/json';

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : (file ?? JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  // A failed login is also a 401, but it must stay on the form to show its message.
  if (response.status === 401 && token && !options.anonymous) {
    tokenStore.clear();
    onUnauthorized();
  }
  throw new ApiError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? `HTTP ${response.status}`,
    error?.details,
  );
}

export const post = <T>(path: string, body: unknown = {}, headers?: Record<string, string>) =>
  api<T>(path, { method: 'POST', body, headers });
