import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'

import { downloadFile } from '@/api/http'
import { listRounds, type Cycle, type Round } from '@/api/voting'
import { applyLocale, i18n } from '@/plugins/i18n'

import VotingDocuments from '../VotingDocuments.vue'

vi.mock('@/api/voting', async (original) => ({
  ...(await original<typeof import('@/api/voting')>()),
  listRounds: vi.fn(),
}))
vi.mock('@/api/http', async (original) => ({
  ...(await original<typeof import('@/api/http')>()),
  downloadFile: vi.fn(),
}))

const round = (state: Round['state']) => ({ id: 31, number: 1, kind: 'main', state, channel: 'device' }) as Round

async function mountFiles(rounds: Round[]) {
  vi.mocked(listRounds).mockResolvedValue(rounds)
  vi.mocked(downloadFile).mockResolvedValue('')
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/devices/:id/:round', name: 'voting-devices', component: { template: '' } }],
  })
  const wrapper = mount(VotingDocuments, {
    props: { cycle: { id: 7 } as Cycle },
    global: { plugins: [ElementPlus, i18n, router] },
  })
  await flushPromises()
  return wrapper
}

describe('VotingDocuments', () => {
  beforeEach(() => applyLocale('zh-CN'))

  it('offers the results and the announcement only once a round has closed', async () => {
    const wrapper = await mountFiles([round('open')])
    expect(wrapper.get('[data-testid=file-candidates-xlsx]').attributes('disabled')).toBeUndefined()
    expect(wrapper.get('[data-testid=file-proposals-xlsx]').attributes('disabled')).toBeUndefined()
    expect(wrapper.get('[data-testid=file-results-xlsx]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid=file-announcement-pdf]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid=device-import-link-1]').element.tagName).toBe('A')
  })

  it('downloads the file a button names, the year’s and the round’s', async () => {
    const wrapper = await mountFiles([round('closed')])
    await wrapper.get('[data-testid=file-announcement-pdf]').trigger('click')
    expect(downloadFile).toHaveBeenLastCalledWith('voting/cycles/7/announcement.pdf', 'announcement.pdf')
    await wrapper.get('[data-testid=file-tally-sheet-pdf-1]').trigger('click')
    expect(downloadFile).toHaveBeenLastCalledWith('voting/rounds/31/tally-sheet.pdf', 'tally-sheet.pdf')
    const ballot = wrapper.get('[data-testid=file-ballot-pdf-1]')
    expect(ballot.element.tagName).toBe('BUTTON')
    expect(ballot.text()).toBe('表决票（PDF）')
    expect(wrapper.find('[data-testid=device-import-link-1]').exists()).toBe(false)
  })
})
