import type { RecordedPersonAdded, RecordedPersonInput } from '@co-assess/api-contract'
import { ApiError, apiFetch, errorFrom } from './apiFetch.ts'

const seg = encodeURIComponent

/** Adds someone who took part on paper or by phone (chair): the server writes them, and who entered them, to the board. */
export const addRecordedPerson = (assessmentId: string, token: string, body: RecordedPersonInput) =>
  apiFetch<RecordedPersonAdded>(`/api/assessments/${seg(assessmentId)}/recorded-people`, {
    method: 'POST',
    token,
    body,
  })

/** The address of the Word checklist for these areas (all of them when none is given). */
export function checklistDocxPath(assessmentId: string, areaIds: readonly string[] = []): string {
  const base = `/api/assessments/${seg(assessmentId)}/checklist.docx`
  return areaIds.length ? `${base}?areas=${areaIds.map(seg).join(',')}` : base
}

/** The file name the server gave a download (RFC 6266's `filename*` first), or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!)
    } catch {
      // Fall through to the plain name.
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? null
}

/**
 * Downloads the Word checklist with the person's sign-in (a plain link cannot carry it) and saves it
 * under the name the server chose.
 */
export async function downloadChecklist(assessmentId: string, token: string, areaIds: readonly string[]) {
  let response: Response
  try {
    response = await fetch(checklistDocxPath(assessmentId, areaIds), {
      headers: { Authorization: `Bearer ${token}` },
    })
  } catch {
    throw new ApiError(
      0,
      'Offline',
      'Could not reach the Co-assess server. Check your connection, then try again.',
    )
  }
  if (!response.ok) {
    const text = await response.text()
    let data: unknown = null
    try {
      data = JSON.parse(text)
    } catch {
      // Not JSON: errorFrom gives a sentence for the status.
    }
    throw errorFrom(response.status, data)
  }
  const name = fileNameOf(response.headers.get('content-disposition')) ?? 'Co-assess checklist.docx'
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Give the browser time to start the save before the address is let go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return name
}
