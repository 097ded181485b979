/**
 * The sidebar, as one declarative list. Each entry names its route and who may see it; the
 * router guard uses the same rule, so a hidden page is also a forbidden page. Later modules add
 * their entries here.
 */
import {
  Calendar,
  ChatDotRound,
  Checked,
  Collection,
  DataAnalysis,
  EditPen,
  Guide,
  Document,
  Finished,
  Flag,
  HomeFilled,
  House,
  Key,
  Lock,
  Medal,
  Memo,
  OfficeBuilding,
  Stamp,
  Suitcase,
  Tickets,
  Trophy,
  UserFilled,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'

import type { CongressLevel, Role } from '@/api/types'

export interface AccessRule {
  /** Any one of these roles in this host's congress (absent: any member). */
  roles?: readonly Role[]
  /** Only congresses of these levels (absent: every level). */
  levels?: readonly CongressLevel[]
  /** Also shown to platform operators on the bare host (the operators' console). */
  platform?: boolean
}

export interface MenuEntry {
  /** The route name; the entry's test id is `menu-<name>`. */
  name: string
  path: string
  titleKey: string
  icon: Component
  access: AccessRule
  /** The sidebar section the entry sits in; absent: the top, above the sections. */
  section?: MenuSection
}

/** The sidebar's sections, in order: the two modules, oversight of other congresses, admin. */
export const MENU_SECTIONS = ['vote', 'linkage', 'oversight', 'admin'] as const
export type MenuSection = (typeof MENU_SECTIONS)[number]

export interface AccessContext {
  roles: readonly string[]
  /** This host's congress level; null on the bare (platform) host. */
  level: CongressLevel | null
  platformOperator: boolean
}

export const MENU: readonly MenuEntry[] = [
  { name: 'home', path: '/', titleKey: 'menu.home', icon: HomeFilled, access: { platform: true } },
  {
    name: 'deputies',
    path: '/deputies',
    titleKey: 'menu.deputies',
    icon: UserFilled,
    access: { roles: ['staff', 'deputy', 'system_admin'] },
  },
  {
    name: 'terms',
    path: '/deputies/terms',
    titleKey: 'terms.title',
    icon: Collection,
    access: { roles: ['staff', 'system_admin'] },
  },
  {
    name: 'voting',
    path: '/voting',
    titleKey: 'menu.voting',
    icon: Stamp,
    access: { roles: ['staff', 'deputy', 'teller', 'unit'] },
    section: 'vote',
  },
  {
    name: 'party-review',
    path: '/voting/party-review',
    titleKey: 'partyReview.menu',
    icon: Checked,
    access: { roles: ['party_reviewer'] },
    section: 'vote',
  },
  {
    name: 'voting-rule-templates',
    path: '/voting/rule-templates',
    titleKey: 'ruleTemplates.menu',
    icon: Memo,
    access: { roles: ['staff'] },
    section: 'vote',
  },
  {
    name: 'voting-evaluations',
    path: '/voting/evaluation',
    titleKey: 'evaluation.menu',
    icon: Stamp,
    access: { roles: ['staff', 'deputy'] },
    section: 'vote',
  },
  {
    name: 'me-proposals',
    path: '/me/proposals',
    titleKey: 'myProposals.menu',
    icon: EditPen,
    access: { roles: ['deputy'] },
    section: 'vote',
  },
  {
    name: 'implementation',
    path: '/implementation',
    titleKey: 'implementation.menu',
    icon: Finished,
    access: { roles: ['staff', 'deputy', 'unit'] },
    section: 'vote',
  },
  {
    name: 'implementation-groups',
    path: '/implementation/supervision-groups',
    titleKey: 'supervisionGroups.title',
    icon: UserFilled,
    access: { roles: ['staff'] },
    section: 'vote',
  },
  {
    name: 'implementation-stages',
    path: '/implementation/stages',
    titleKey: 'stages.title',
    icon: Calendar,
    access: { roles: ['staff'] },
    section: 'vote',
  },
  {
    name: 'units',
    path: '/units',
    titleKey: 'units.title',
    icon: Suitcase,
    access: { roles: ['staff'] },
    section: 'vote',
  },
  {
    name: 'me-activities',
    path: '/me/activities',
    titleKey: 'activities.menu.myActivities',
    icon: Calendar,
    access: { roles: ['deputy'] },
    section: 'linkage',
  },
  {
    name: 'me-tasks',
    path: '/me/tasks',
    titleKey: 'activities.menu.myTasks',
    icon: Tickets,
    access: { roles: ['deputy'] },
    section: 'linkage',
  },
  {
    name: 'me-opinion-new',
    path: '/me/opinions/new',
    titleKey: 'opinions.collect.title',
    icon: ChatDotRound,
    access: { roles: ['deputy'] },
    section: 'linkage',
  },
  {
    name: 'me-record',
    path: '/me/record',
    titleKey: 'activities.menu.myRecord',
    icon: Medal,
    access: { roles: ['deputy'] },
    section: 'linkage',
  },
  {
    name: 'stations',
    path: '/stations',
    titleKey: 'stations.menu',
    icon: House,
    access: { roles: ['staff', 'deputy'] },
    section: 'linkage',
  },
  {
    name: 'activities',
    path: '/activities',
    titleKey: 'activities.menu.console',
    icon: Calendar,
    access: { roles: ['staff'] },
    section: 'linkage',
  },
  {
    name: 'opinions',
    path: '/opinions',
    titleKey: 'opinions.menu',
    icon: ChatDotRound,
    access: { roles: ['staff', 'unit'] },
    section: 'linkage',
  },
  {
    name: 'duty',
    path: '/duty',
    titleKey: 'activities.menu.duty',
    icon: Trophy,
    access: { roles: ['staff'] },
    section: 'linkage',
  },
  {
    name: 'dashboard',
    path: '/dashboard',
    titleKey: 'dashboard.menu',
    icon: DataAnalysis,
    access: { roles: ['staff'], levels: ['city', 'county'] },
    section: 'oversight',
  },
  {
    name: 'guidance',
    path: '/guidance',
    titleKey: 'supervision.menuGuidance',
    icon: Memo,
    access: { roles: ['staff', 'deputy'] },
    section: 'oversight',
  },
  {
    name: 'route',
    path: '/route',
    titleKey: 'supervision.route.title',
    icon: Guide,
    access: { roles: ['staff'] },
    section: 'oversight',
  },
  {
    name: 'benchmarks',
    path: '/benchmarks',
    titleKey: 'supervision.menuBenchmarks',
    icon: Flag,
    access: { roles: ['staff'] },
    section: 'oversight',
  },
  {
    name: 'station-stars',
    path: '/station-stars',
    titleKey: 'supervision.menuStars',
    icon: Trophy,
    access: { roles: ['staff'] },
    section: 'oversight',
  },
  {
    name: 'congresses',
    path: '/congresses',
    titleKey: 'menu.congresses',
    icon: OfficeBuilding,
    access: { roles: ['system_admin'], levels: ['city', 'county'], platform: true },
    section: 'admin',
  },
  {
    name: 'setup',
    path: '/setup',
    titleKey: 'setup.title',
    icon: Checked,
    access: { roles: ['staff', 'system_admin'] },
    section: 'admin',
  },
  {
    name: 'accounts',
    path: '/accounts',
    titleKey: 'accounts.menu',
    icon: Key,
    access: { roles: ['system_admin'] },
    section: 'admin',
  },
  {
    name: 'security',
    path: '/security',
    titleKey: 'security.menu',
    icon: Lock,
    access: { roles: ['security_admin'] },
    section: 'admin',
  },
  {
    name: 'audit',
    path: '/audit',
    titleKey: 'menu.audit',
    icon: Document,
    access: { roles: ['audit_admin'] },
    section: 'admin',
  },
]

/** Pages reached from a menu entry's page rather than the menu, with their own rules. */
export const SUBPAGE_ACCESS: Readonly<Record<string, AccessRule>> = {
  wall: { roles: ['staff'], levels: ['city', 'county'] },
  'benchmark-round': { roles: ['staff'] },
  'voting-cycle': { roles: ['staff'] },
  'voting-chair': { roles: ['staff'] },
  'voting-devices': { roles: ['staff'] },
  'voting-reserve': { roles: ['staff'] },
  'voting-ballot': { roles: ['deputy'] },
  'voting-deliberation': { roles: ['staff', 'deputy', 'unit'] },
  'voting-tally': { roles: ['teller'] },
  'voting-screen': { roles: ['staff', 'deputy'] },
  'activity-detail': { roles: ['staff'] },
  'activity-screen': { roles: ['staff'] },
  'me-check-in': { roles: ['deputy'] },
  'voting-evaluation': { roles: ['staff', 'deputy'] },
  'voting-rate': { roles: ['deputy'] },
  'station-detail': { roles: ['staff', 'deputy'] },
  'stations-checklist': { roles: ['staff'] },
  'implementation-project': { roles: ['staff', 'deputy', 'unit'] },
  'implementation-report': { roles: ['unit'] },
  'implementation-midyear': { roles: ['staff', 'unit'] },
  // Any member: reached from the bell in the header.
  notifications: {},
  'opinions-detail': { roles: ['staff', 'unit'] },
}

export function canAccess(rule: AccessRule, ctx: AccessContext): boolean {
  if (ctx.level === null) return !!rule.platform && ctx.platformOperator
  if (rule.roles && !rule.roles.some((role) => ctx.roles.includes(role))) return false
  if (rule.levels && !rule.levels.includes(ctx.level)) return false
  return true
}

export function menuFor(ctx: AccessContext, entries: readonly MenuEntry[] = MENU): MenuEntry[] {
  return entries.filter((entry) => canAccess(entry.access, ctx))
}

/** The visible entries grouped for the sidebar: the top entries first, then each section. */
export function menuSectionsFor(
  ctx: AccessContext,
  entries: readonly MenuEntry[] = MENU,
): { section: MenuSection | null; entries: MenuEntry[] }[] {
  const visible = menuFor(ctx, entries)
  const groups = [null, ...MENU_SECTIONS].map((section) => ({
    section,
    entries: visible.filter((entry) => (entry.section ?? null) === section),
  }))
  return groups.filter((group) => group.entries.length > 0)
}

export function accessRuleFor(routeName: string, entries: readonly MenuEntry[] = MENU): AccessRule | undefined {
  const entry = entries.find((item) => item.name === routeName)
  if (entry) return entry.access
  return Object.hasOwn(SUBPAGE_ACCESS, routeName) ? SUBPAGE_ACCESS[routeName] : undefined
}
