/** The caller's notifications (api/notifications/views.py). */
import { http } from './http'
import type { components } from './schema'

export type Notification = components['schemas']['NotificationOut']
export type NotificationList = components['schemas']['NotificationListOut']

export const listNotifications = () => http.get<NotificationList>('notifications')
/** Mark `ids` read, or all of them when left out. */
export const markRead = (ids?: number[]) =>
  http.post<{ marked: number; unread: number }>('notifications/read', ids ? { ids } : {})
