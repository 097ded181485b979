/** Attachments: upload first, then name the file id (api/files/views.py). */
import { api } from './client'
import { http } from './http'
import type { components } from './schema'

export type StoredFile = components['schemas']['FileOut']

export function uploadFile(file: File): Promise<StoredFile> {
  const form = new FormData()
  form.append('file', file)
  return http.postForm<StoredFile>('files', form)
}

/** A short-lived download URL for a stored file. */
export const fileUrl = (id: number) => api.GET('/api/v1/files/{id}/url', { path: { id } })
