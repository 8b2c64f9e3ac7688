import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn } from 'storybook/test'
import { TroupeView } from '../src'
import { actor, actorEl, noState, project } from './fixtures'

const meta = {
  title: 'Renderer/Leaves',
  component: TroupeView,
  args: { onEvent: fn(), state: noState },
} satisfies Meta<typeof TroupeView>
export default meta
type Story = StoryObj<typeof meta>

export const Tags: Story = {
  args: {
    definition: project({
      root: actor({
        tag: 'article',
        classes: 'p-4',
        elements: [
          { tag: 'h1', elements: ['Heading 1'] },
          { tag: 'h2', elements: ['Heading 2'] },
          { tag: 'p', elements: ['A paragraph with ', { tag: 'code', elements: ['code'] }, '.'] },
          {
            tag: 'ul',
            elements: [
              { tag: 'li', elements: ['one'] },
              { tag: 'li', elements: ['two'] },
            ],
          },
          { tag: 'ol', elements: [{ tag: 'li', elements: ['first'] }] },
          { tag: 'pre', elements: ['pre  formatted'] },
          { tag: 'a', attributes: { href: 'https://example.com' }, elements: ['a link'] },
          { tag: 'hr' },
          { tag: 'label', attributes: { for: 'name' }, elements: ['Name'] },
          { tag: 'input', attributes: { id: 'name', placeholder: 'type here' } },
          { tag: 'textarea', attributes: { rows: 2 }, elements: ['text area'] },
          {
            tag: 'select',
            elements: [{ tag: 'option', attributes: { value: 'a' }, elements: ['Option A'] }],
          },
          { tag: 'button', attributes: { type: 'button' }, elements: ['A button'] },
        ],
      }),
    }),
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Heading 1')
    await expect(canvas.getByRole('link', { name: 'a link' })).toHaveAttribute(
      'href',
      'https://example.com',
    )
    await expect(canvas.getByLabelText('Name')).toHaveAttribute('placeholder', 'type here')
    await expect(canvasElement.querySelector('textarea')).toHaveValue('text area')
    await expect(canvas.getByRole('combobox')).toHaveValue('a')
    await expect(actorEl(canvasElement, 'root').tagName).toBe('ARTICLE')
  },
}

export const TextIsAlwaysText: Story = {
  args: {
    definition: project({
      root: actor(
        { tag: 'p', bindings: { text: 'context.html' } },
        { context: { html: '<img src=x onerror="window.__pwned=1"><b>bold?</b>' } },
      ),
    }),
  },
  play: async ({ canvasElement }) => {
    const p = actorEl(canvasElement, 'root')
    await expect(p).toHaveTextContent('<img src=x onerror="window.__pwned=1"><b>bold?</b>')
    await expect(p.querySelector('img, b')).toBeNull()
    await expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  },
}

export const Bindings: Story = {
  args: {
    definition: project({
      root: actor(
        {
          tag: 'div',
          elements: [
            { tag: 'h2', bindings: { text: { $concat: ['Hello, ', { $: 'context.name' }] } } },
            {
              tag: 'span',
              attributes: { id: 'status' },
              classes: 'badge',
              bindings: {
                text: 'context.status',
                class: { $concat: ['is-', { $: 'context.status' }] },
              },
            },
            {
              tag: 'p',
              attributes: { id: 'hidden' },
              bindings: { visible: 'context.showHint' },
              elements: ['hint'],
            },
            {
              tag: 'button',
              bindings: { disabled: { $eq: [{ $: 'context.status' }, 'done'] } },
              elements: ['Finish'],
            },
          ],
        },
        { context: { name: 'Ada', status: 'done', showHint: false } },
      ),
    }),
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('heading')).toHaveTextContent('Hello, Ada')
    await expect(canvasElement.querySelector('#status')).toHaveClass('badge', 'is-done')
    await expect(canvasElement.querySelector('#hidden')).toBeNull()
    await expect(canvas.getByRole('button', { name: 'Finish' })).toBeDisabled()
  },
}

export const AttributesAndUrls: Story = {
  args: {
    definition: project({
      root: actor({
        tag: 'nav',
        attributes: { 'aria-label': 'Links', 'data-kind': 'links' },
        elements: [
          {
            tag: 'a',
            attributes: { href: '/relative', title: 'Relative' },
            elements: ['relative'],
          },
          { tag: 'a', attributes: { href: 'mailto:a@b.c' }, elements: ['mail'] },
          {
            tag: 'img',
            attributes: { src: 'https://example.com/x.png', alt: 'Example', width: 16, height: 16 },
          },
        ],
      }),
    }),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('navigation', { name: 'Links' })).toHaveAttribute(
      'data-kind',
      'links',
    )
    await expect(canvas.getByRole('link', { name: 'relative' })).toHaveAttribute(
      'href',
      '/relative',
    )
    await expect(canvas.getByRole('link', { name: 'mail' })).toHaveAttribute('href', 'mailto:a@b.c')
    await expect(canvas.getByAltText('Example')).toHaveAttribute('width', '16')
  },
}

export const Svg: Story = {
  args: {
    definition: project({
      root: actor({
        tag: 'svg',
        attributes: {
          viewBox: '0 0 24 24',
          width: 48,
          height: 48,
          'aria-label': 'Check',
          role: 'img',
        },
        elements: [
          {
            tag: 'path',
            attributes: { d: 'M4 12l5 5L20 6', fill: 'none', stroke: 'green', 'stroke-width': 3 },
          },
        ],
      }),
    }),
  },
  play: async ({ canvas }) => {
    const svg = canvas.getByRole('img', { name: 'Check' })
    await expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg')
    await expect(svg.querySelector('path')).toHaveAttribute('stroke-width', '3')
  },
}
