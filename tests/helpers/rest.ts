/**
 * A tiny REST client for tests against the running CMS: sign in as a role, then call the API.
 * Helpers come in pairs: createUsers() makes the accounts a test needs, deleteUsers() removes them.
 */
import { TEST_ADMIN } from './env'

export type Session = { token?: string; email?: string; id?: number }

export function restClient(base: string) {
  const call = async (session: Session, method: string, route: string, body?: unknown) => {
    const response = await fetch(`${base}/api${route}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(session.token ? { Authorization: `JWT ${session.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let json: any
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = text
    }
    return { status: response.status, json }
  }
  const login = async (email: string, password: string): Promise<Session> => {
    const { status, json } = await call({}, 'POST', '/users/login', { email, password })
    if (status !== 200) throw new Error(`login ${email} failed: ${status} ${JSON.stringify(json)}`)
    return { token: json.token, email, id: json.user.id }
  }
  return { call, login, admin: () => login(TEST_ADMIN.email, TEST_ADMIN.password) }
}

export const PASSWORD = 'a-long-test-password-1'
