import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'

import ChoiceRadio from '@/components/ChoiceRadio.vue'
import DataTable from '@/components/DataTable.vue'
import PageForm from '@/components/PageForm.vue'
import RadioField from '@/components/RadioField.vue'
import SectionCard from '@/components/SectionCard.vue'
import { useConfirm } from '@/composables/useConfirm'
import { applyLocale, i18n } from '@/plugins/i18n'
import { useAppStore } from '@/stores/app'
import { choices } from '@/utils/choices'

import { uiPlugins, withSetup } from './mounting'

const KINDS = ['meeting', 'visit'] as const
const kindLabel = (kind: string) => (kind === 'meeting' ? '会议' : '走访')

beforeEach(() => {
  setActivePinia(createPinia())
  applyLocale('zh-CN')
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('ChoiceRadio', () => {
  it('shows one radio per choice and sets the model to the picked value', async () => {
    const kind = ref<string | null | undefined>('meeting')
    const wrapper = mount(
      defineComponent(
        () => () =>
          h(ChoiceRadio<string>, {
            modelValue: kind.value,
            'onUpdate:modelValue': (value: string | null | undefined) => (kind.value = value),
            options: choices(KINDS, kindLabel),
            'data-testid': 'kind',
          }),
      ),
      { global: { plugins: uiPlugins() } },
    )
    const group = wrapper.get('[data-testid=kind]')
    expect(group.findAll('.el-radio').map((radio) => radio.text())).toEqual(['会议', '走访'])
    expect(group.findAll('.el-radio-button')).toHaveLength(0)
    await group.findAll('input')[1]!.setValue(true)
    expect(kind.value).toBe('visit')
  })

  it('shows radio buttons when asked', () => {
    const wrapper = mount(ChoiceRadio<string>, {
      props: { modelValue: 'visit', options: choices(KINDS, kindLabel), buttons: true },
      global: { plugins: uiPlugins() },
    })
    const buttons = wrapper.findAll('.el-radio-button')
    expect(buttons.map((button) => button.text())).toEqual(['会议', '走访'])
    expect(buttons[1]!.classes()).toContain('is-active')
  })
})

describe('RadioField', () => {
  it('labels the item and names the group by it, with the test id on the group', () => {
    const wrapper = mount(RadioField<string>, {
      props: {
        modelValue: 'meeting',
        label: '类型',
        required: true,
        options: choices(KINDS, kindLabel),
      },
      attrs: { 'data-testid': 'kind', disabled: true },
      slots: { default: () => h('span', { class: 'note' }, '来自上级') },
      global: { plugins: uiPlugins() },
    })
    const item = wrapper.get('.el-form-item')
    expect(item.classes()).toContain('is-required')
    expect(item.get('.el-form-item__label').text()).toBe('类型')
    const group = wrapper.get('[data-testid=kind]')
    expect(group.attributes('aria-label')).toBe('类型')
    expect(group.findAll('input').every((input) => input.element.disabled)).toBe(true)
    expect(wrapper.get('[data-testid=kind] + .note').text()).toBe('来自上级')
  })
})

describe('SectionCard', () => {
  it('heads the card with an h2 of its title, the extra controls beside it', () => {
    const wrapper = mount(SectionCard, {
      props: { title: '候选项目' },
      attrs: { class: 'page-card', 'data-testid': 'candidates' },
      slots: {
        default: () => h('p', { class: 'body' }, '正文'),
        extra: () => h('button', { class: 'more' }, '更多'),
      },
      global: { plugins: uiPlugins() },
    })
    const card = wrapper.get('[data-testid=candidates]')
    expect(card.classes()).toEqual(expect.arrayContaining(['el-card', 'page-card', 'is-never-shadow']))
    expect(card.get('.el-card__header h2').text()).toBe('候选项目')
    expect(card.get('.el-card__header h2 + .more').text()).toBe('更多')
    expect(card.get('.el-card__body .body').text()).toBe('正文')
  })

  it('takes a title made of markup from its title slot', () => {
    const wrapper = mount(SectionCard, {
      slots: { title: () => h('span', { class: 'badge' }, '已公告') },
      global: { plugins: uiPlugins() },
    })
    expect(wrapper.get('h2 .badge').text()).toBe('已公告')
  })
})

describe('PageForm', () => {
  it('puts the labels beside the fields, above them on a phone, and emits submit', async () => {
    const wrapper = mount(PageForm, {
      attrs: { 'data-testid': 'call-form' },
      slots: { default: () => h('input', { name: 'title' }) },
      global: { plugins: uiPlugins() },
    })
    const form = wrapper.get('form[data-testid=call-form]')
    expect(form.classes()).toContain('el-form--label-right')
    await form.trigger('submit')
    expect(wrapper.emitted('submit')).toHaveLength(1)

    useAppStore().isPhone = true
    await flushPromises()
    expect(form.classes()).toContain('el-form--label-top')
  })
})

describe('DataTable', () => {
  it('says there is no record when the data is empty', async () => {
    const wrapper = mount(DataTable, {
      attrs: { data: [], 'data-testid': 'units' },
      global: { plugins: uiPlugins() },
    })
    await flushPromises()
    expect(wrapper.get('[data-testid=units] .el-table__empty-text').text()).toBe(i18n.global.t('common.empty'))
  })
})

describe('useConfirm', () => {
  const confirmIn = () => withSetup(useConfirm, { global: { plugins: uiPlugins() } })

  async function buttons() {
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
    const box = document.querySelector('.el-message-box')!
    return [...box.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')]
  }

  it('asks with the title on the confirming button and answers true when confirmed', async () => {
    const answer = confirmIn()('停用张三？', '停用')
    const [cancel, ok] = await buttons()
    expect(document.querySelector('.el-message-box__message')!.textContent).toBe('停用张三？')
    expect(cancel!.textContent!.trim()).toBe(i18n.global.t('common.cancel'))
    expect(ok!.textContent!.trim()).toBe('停用')
    ok!.click()
    expect(await answer).toBe(true)
  })

  it('answers false when cancelled, and takes its own button text', async () => {
    const answer = confirmIn()('从名册开户？', '从名册开户', '开户', 'info')
    const [cancel, ok] = await buttons()
    expect(ok!.textContent!.trim()).toBe('开户')
    cancel!.click()
    expect(await answer).toBe(false)
  })
})
