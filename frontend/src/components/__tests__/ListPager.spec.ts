import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'

import ListPager from '@/components/ListPager.vue'

import { uiPlugins } from './mounting'

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('ListPager over a paged list', () => {
  it("reads the list's page, size and total, and loads the page clicked", async () => {
    const load = vi.fn()
    const wrapper = mount(ListPager, {
      props: { list: { page: ref(2), pageSize: 10, total: ref(25), load } },
      global: { plugins: uiPlugins() },
    })
    expect(wrapper.get('.el-pager li.is-active').text()).toBe('2')
    await wrapper.findAll('.el-pager li')[2]!.trigger('click')
    expect(load).toHaveBeenCalledWith(3)
    expect(wrapper.emitted('change')).toEqual([[3]])
  })

  it('hides itself while the list fits one page', () => {
    const wrapper = mount(ListPager, {
      props: { list: { page: 1, pageSize: 20, total: 20, load: () => {} } },
      global: { plugins: uiPlugins() },
    })
    expect(wrapper.find('.el-pagination').exists()).toBe(false)
  })
})
