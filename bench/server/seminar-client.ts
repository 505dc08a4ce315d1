import {
  CreateSeminarResponse,
  JoinSeminarResponse,
  seminarApiPath,
} from '../../src/core/seminar/seminar-api'

/** The seminar HTTP API, as a host and its students call it, validated with the core schemas. */

async function postJson(url: URL, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  const json: unknown = await response.json()
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

export async function createSeminar(
  serverUrl: string,
  adminToken: string,
  title: string,
): Promise<CreateSeminarResponse> {
  const url = new URL(seminarApiPath.create(), serverUrl)
  const json = await postJson(url, { title }, { Authorization: `Bearer ${adminToken}` })
  return CreateSeminarResponse.parse(json)
}

export async function joinSeminar(
  serverUrl: string,
  seminarId: string,
  code: string,
  name: string,
): Promise<JoinSeminarResponse> {
  const url = new URL(seminarApiPath.join(seminarId), serverUrl)
  return JoinSeminarResponse.parse(await postJson(url, { code, name }))
}
