/**
 * The one way the app talks to the backend: JSON over fetch under /api/v1/, with the session
 * cookie, the CSRF header on unsafe methods and Accept-Language from the UI locale (the backend
 * translates its messages by it). Failures become ApiError; an expired or foreign session
 * (401/403 `not_authenticated` / `tenant_mismatch`) is handed to the auth-failure handler,
 * which the router installs to send the user to the login page.
 */
import { acceptLanguage, t } from '@/plugins/i18n'
import type { components } from './schema'

export const API_BASE = '/api/v1/'
export const CSRF_COOKIE = 'csrftoken'
export const CSRF_HEADER = 'X-CSRFToken'
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const AUTH_FAILURE_CODES = new Set(['not_authenticated', 'tenant_mismatch'])

export type FieldErrors = Record<string, string[]>

/** A refusal's code: one the API document names (api/error_codes.py); `http_<status>` when the
 * answer had no JSON body (a proxy's error page); `network_error` when no answer came. */
export type ErrorCode = components['schemas']['ErrorCode'] | `http_${number}` | 'network_error'

const KNOWN_CODE = /^[a-z][a-z0-9_]*$/

export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly detail: string
  readonly fields: FieldErrors
  /** The whole refusal body: more for the caller to act on, such as an import's rows. */
  readonly body: Record<string, unknown>

  constructor(
    status: number,
    code: ErrorCode,
    detail: string,
    fields: FieldErrors = {},
    body: Record<string, unknown> = {},
  ) {
    super(detail)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.detail = detail
    this.fields = fields
    this.body = body
  }

  /** The session is gone or belongs to another tenant: the user must log in here. */
  get isAuthFailure(): boolean {
    return isAuthFailure(this.status, this.code)
  }
}

export function isAuthFailure(status: number, code: string | undefined): boolean {
  return (status === 401 || status === 403) && !!code && AUTH_FAILURE_CODES.has(code)
}

type AuthFailureHandler = (error: ApiError) => void
let authFailureHandler: AuthFailureHandler | null = null

export function setAuthFailureHandler(handler: AuthFailureHandler | null): void {
  authFailureHandler = handler
}

let lastActivity = Date.now()
/** When the backend last saw a request from us (its idle timeout restarts then). */
export function lastApiActivity(): number {
  return lastActivity
}

export function readCookie(name: string): string | null {
  const prefix = `${name}=`
  for (const part of document.cookie ? document.cookie.split(';') : []) {
    const item = part.trim()
    if (item.startsWith(prefix)) return decodeURIComponent(item.slice(prefix.length))
  }
  return null
}

async function csrfToken(): Promise<string> {
  let token = readCookie(CSRF_COOKIE)
  if (!token) {
    await fetch(`${API_BASE}auth/csrf`, { credentials: 'same-origin' })
    token = readCookie(CSRF_COOKIE)
  }
  return token ?? ''
}

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  query?: Query
  body?: unknown
  signal?: AbortSignal
}

function urlFor(path: string, query?: Query): string {
  const url = API_BASE + path.replace(/^\/+/, '')
  if (!query) return url
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${url}?${qs}` : url
}

function asFieldErrors(value: unknown): FieldErrors {
  if (!value || typeof value !== 'object') return {}
  const out: FieldErrors = {}
  for (const [key, messages] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(messages)) out[key] = messages.map(String)
    else if (typeof messages === 'string') out[key] = [messages]
  }
  return out
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {}
  try {
    const parsed: unknown = await response.json()
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>
  } catch {
    // not JSON (a proxy's error page): fall back to a generic message
  }
  // The server answers only the codes its document names (tests/api/test_error_codes.py).
  const code =
    typeof body.code === 'string' && KNOWN_CODE.test(body.code)
      ? (body.code as ErrorCode)
      : (`http_${response.status}` as const)
  const detail =
    typeof body.detail === 'string' && body.detail ? body.detail : t('errors.http', { status: response.status })
  return new ApiError(response.status, code, detail, asFieldErrors(body.fields), body)
}

/**
 * The server answered: that counts as activity. A refusal is thrown as an ApiError, and one that
 * says the session is gone goes to the auth failure handler first.
 */
async function answered(response: Response): Promise<void> {
  lastActivity = Date.now()
  if (response.ok) return
  const error = await errorFrom(response)
  if (error.isAuthFailure) authFailureHandler?.(error)
  throw error
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const verb = method.toUpperCase()
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguage(),
  }
  const init: RequestInit = { method: verb, headers, credentials: 'same-origin' }
  if (options.signal) init.signal = options.signal
  if (options.body instanceof FormData) {
    // multipart: the browser sets Content-Type with its boundary
    init.body = options.body
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(options.body)
  }
  let response: Response
  try {
    if (UNSAFE_METHODS.has(verb)) headers[CSRF_HEADER] = await csrfToken()
    response = await fetch(urlFor(path, options.query), init)
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError(0, 'network_error', t('errors.network'))
  }
  await answered(response)
  if (response.status === 204) return undefined as T
  const type = response.headers.get('Content-Type') ?? ''
  if (!type.includes('json')) return undefined as T
  return (await response.json()) as T
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** multipart/form-data, e.g. a file upload */
  postForm: <T>(path: string, form: FormData) => request<T>('POST', path, { body: form }),
}

/** The file name a download's Content-Disposition gives (RFC 6266 `filename*` first). */
export function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1])
    } catch {
      // a malformed escape: try the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header)
  return plain?.[1] ?? fallback
}

/**
 * GET a file (a PDF, a workbook) with the session and save it under the name the server gives.
 * A refusal comes back as JSON and is thrown as an ApiError, so the page can say why.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  let response: Response
  try {
    response = await fetch(urlFor(path), {
      credentials: 'same-origin',
      headers: { 'Accept-Language': acceptLanguage() },
    })
  } catch {
    throw new ApiError(0, 'network_error', t('errors.network'))
  }
  await answered(response)
  const name = dispositionName(response.headers.get('Content-Disposition'), fallbackName)
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The browser has the file once the click is handled; the URL need not outlive it.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
  return name
}

/** The message to show for any failure of an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail
  return t('errors.unknown')
}

/** The server's per-field messages, each field's joined into one line for its form item. */
export function fieldLines(fields: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([key, messages]) => [key, messages.join(' ')]))
}
