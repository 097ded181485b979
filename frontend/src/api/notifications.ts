/** The caller's notifications (api/notifications/views.py). */
import { api } from './client'
import type { components } from './schema'

export type Notification = components['schemas']['NotificationOut']
export type NotificationList = components['schemas']['NotificationListOut']

export const listNotifications = () => api.GET('/api/v1/notifications')
/** Mark `ids` read, or all of them when left out. */
export const markRead = (ids?: number[]) => api.POST('/api/v1/notifications/read', { body: ids ? { ids } : {} })
