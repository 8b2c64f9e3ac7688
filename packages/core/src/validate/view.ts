import { issueCodes, type JsonPath, type TroupeIssue } from '../issues'
import { codeStringMessage, looksLikeCode } from '../language/code-strings'
import { isDataPath } from '../language/paths'
import { eventNames, viewSchema } from '../model/view'
import {
  isAllowedAttribute,
  isAllowedAttributeValue,
  isAllowedTag,
  urlAttributes,
} from '../safety/allow-lists'
import { isSafeKey } from '../safety/keys'
import { sanitizeUrl } from '../safety/urls'
import { checkValue, IssueList } from './values'

type Node = Record<string, unknown>

const isObject = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const eventNameSet: ReadonlySet<string> = new Set(eventNames)
const leafBindingKeys = new Set(['text', 'value', 'class', 'visible', 'disabled'])
const compositeBindingKeys = new Set(['visible', 'disabled'])

function checkTag(tag: unknown, at: JsonPath, out: IssueList): tag is string {
  if (typeof tag !== 'string') {
    out.add(issueCodes.invalidView, 'tag must be a string', at)
    return false
  }
  if (!isAllowedTag(tag)) {
    out.add(issueCodes.tagNotAllowed, `tag "${tag}" is not allowed`, at)
    return false
  }
  return true
}

function checkAttributes(
  tag: string | null,
  attributes: unknown,
  at: JsonPath,
  out: IssueList,
): void {
  if (attributes === undefined) return
  if (!isObject(attributes)) {
    out.add(issueCodes.invalidView, 'attributes must be an object', at)
    return
  }
  for (const name of Object.keys(attributes)) {
    const value = attributes[name]
    const where = [...at, name]
    if (!isSafeKey(name)) out.add(issueCodes.unsafeKey, `"${name}" is not allowed as a key`, where)
    else if (name.toLowerCase() === 'style') {
      out.add(issueCodes.unsafeStyle, 'style attributes are not allowed; use classes', where)
    } else if (!['string', 'number', 'boolean'].includes(typeof value)) {
      out.add(
        issueCodes.invalidView,
        'an attribute value must be a string, number or boolean',
        where,
      )
    } else if (tag !== null && !isAllowedAttribute(tag, name)) {
      out.add(
        issueCodes.attributeNotAllowed,
        `attribute "${name}" is not allowed on <${tag}>`,
        where,
      )
    } else if (tag !== null && !isAllowedAttributeValue(tag, name, value)) {
      out.add(
        issueCodes.attributeNotAllowed,
        `${name}="${String(value)}" is not allowed on <${tag}>`,
        where,
      )
    } else if (urlAttributes.has(name) && sanitizeUrl(String(value)) === null) {
      out.add(
        issueCodes.unsafeUrl,
        `unsafe URL in ${name}: only relative, http(s), mailto and tel URLs`,
        where,
      )
    }
  }
}

function checkPathString(value: unknown, at: JsonPath, out: IssueList, what: string): void {
  if (typeof value !== 'string')
    out.add(issueCodes.invalidView, `${what} must be a path string`, at)
  else if (looksLikeCode(value)) out.add(issueCodes.codeExpression, codeStringMessage(value), at)
  else if (!isDataPath(value)) {
    out.add(issueCodes.invalidView, `${what} must be a path such as context.items`, at)
  }
}

function checkEvents(events: unknown, at: JsonPath, out: IssueList): void {
  if (events === undefined) return
  if (!isObject(events)) {
    out.add(issueCodes.invalidView, 'events must be an object', at)
    return
  }
  for (const name of Object.keys(events)) {
    const where = [...at, name]
    if (!eventNameSet.has(name)) {
      out.add(
        issueCodes.invalidView,
        `unknown event "${name}"; use one of ${eventNames.join(', ')}`,
        where,
      )
      continue
    }
    const binding = events[name]
    if (!isObject(binding) || typeof binding.event !== 'string' || binding.event === '') {
      out.add(issueCodes.invalidView, 'an event needs { "event": "<message type>" }', where)
      continue
    }
    const payload = binding.payload
    if (payload === undefined) continue
    if (typeof payload === 'string') {
      if (looksLikeCode(payload))
        out.add(issueCodes.codeExpression, codeStringMessage(payload), [...where, 'payload'])
    } else if (isObject(payload)) checkValue(payload, [...where, 'payload'], out)
    else
      out.add(issueCodes.invalidView, 'payload must be a path string or an object', [
        ...where,
        'payload',
      ])
  }
}

function checkBindings(
  bindings: unknown,
  allowed: Set<string>,
  at: JsonPath,
  out: IssueList,
): void {
  if (bindings === undefined) return
  if (!isObject(bindings)) {
    out.add(issueCodes.invalidView, 'bindings must be an object', at)
    return
  }
  for (const key of Object.keys(bindings)) {
    const where = [...at, key]
    if (!allowed.has(key)) out.add(issueCodes.invalidView, `unknown binding "${key}"`, where)
    else if (key === 'value') checkPathString(bindings[key], where, out, 'bindings.value')
    else checkValue(bindings[key], where, out)
  }
}

function checkLeaf(node: Node, at: JsonPath, out: IssueList): void {
  const tagOk = checkTag(node.tag, [...at, 'tag'], out)
  if (node.classes !== undefined && typeof node.classes !== 'string') {
    out.add(issueCodes.invalidView, 'classes must be a string', [...at, 'classes'])
  }
  checkAttributes(tagOk ? (node.tag as string) : null, node.attributes, [...at, 'attributes'], out)
  if (node.elements !== undefined) {
    if (!Array.isArray(node.elements))
      out.add(issueCodes.invalidView, 'elements must be a list', [...at, 'elements'])
    else
      node.elements.forEach((element, i) => {
        if (typeof element !== 'string') checkNode(element, [...at, 'elements', i], out, 'leaf')
      })
  }
  checkBindings(node.bindings, leafBindingKeys, [...at, 'bindings'], out)
  checkEvents(node.events, [...at, 'events'], out)
}

function checkWrappers(elements: unknown, at: JsonPath, out: IssueList): void {
  if (elements === undefined) return
  if (!Array.isArray(elements)) {
    out.add(issueCodes.invalidView, 'elements must be a list', at)
    return
  }
  elements.forEach((element, i) => {
    const where = [...at, i]
    if (!isObject(element)) {
      out.add(issueCodes.invalidView, 'a wrapper element must be an object', where)
      return
    }
    const tagOk = checkTag(element.tag, [...where, 'tag'], out)
    checkAttributes(
      tagOk ? (element.tag as string) : null,
      element.attributes,
      [...where, 'attributes'],
      out,
    )
  })
}

function checkComposite(node: Node, at: JsonPath, out: IssueList): void {
  const container = node.container
  if (container !== undefined) {
    if (!isObject(container))
      out.add(issueCodes.invalidView, 'container must be an object', [...at, 'container'])
    else {
      if (!['grid', 'flex', 'content'].includes(container.layout as string)) {
        out.add(issueCodes.invalidView, 'layout must be "grid", "flex" or "content"', [
          ...at,
          'container',
          'layout',
        ])
      }
      const tag = container.tag ?? 'div'
      const tagOk = checkTag(tag, [...at, 'container', 'tag'], out)
      checkAttributes(
        tagOk ? (tag as string) : null,
        container.attributes,
        [...at, 'container', 'attributes'],
        out,
      )
    }
  }
  if (node.children !== undefined) {
    if (!Array.isArray(node.children))
      out.add(issueCodes.invalidView, 'children must be a list', [...at, 'children'])
    else
      node.children.forEach((entry, i) => {
        checkChildEntry(entry, [...at, 'children', i], out)
      })
  }
  const foreach = node.foreach
  if (foreach !== undefined) {
    const where = [...at, 'foreach']
    if (!isObject(foreach)) out.add(issueCodes.invalidView, 'foreach must be an object', where)
    else {
      checkPathString(foreach.items, [...where, 'items'], out, 'foreach.items')
      if (foreach.key !== undefined && typeof foreach.key !== 'string') {
        out.add(issueCodes.invalidView, 'foreach.key must be a field name', [...where, 'key'])
      }
      if (foreach.composite !== undefined)
        checkNode(foreach.composite, [...where, 'composite'], out, 'composite')
      else if (foreach.leaf !== undefined) checkNode(foreach.leaf, [...where, 'leaf'], out, 'leaf')
      else out.add(issueCodes.invalidView, 'foreach needs a composite or a leaf to repeat', where)
    }
  }
  checkWrappers(node.elements, [...at, 'elements'], out)
  checkBindings(node.bindings, compositeBindingKeys, [...at, 'bindings'], out)
  checkEvents(node.events, [...at, 'events'], out)
}

function checkChildEntry(entry: unknown, at: JsonPath, out: IssueList): void {
  if (!isObject(entry)) {
    out.add(issueCodes.invalidView, 'a child entry must be an object', at)
    return
  }
  if (typeof entry.slot !== 'string')
    out.add(issueCodes.invalidView, 'a child entry needs a slot name', [...at, 'slot'])
  const kinds = ['composite', 'leaf', 'actor'].filter((k) => entry[k] !== undefined)
  if (kinds.length !== 1) {
    out.add(
      issueCodes.invalidView,
      'a child entry needs exactly one of composite, leaf or actor',
      at,
    )
    return
  }
  if (entry.actor !== undefined) {
    if (typeof entry.actor !== 'string')
      out.add(issueCodes.invalidView, 'actor must be an actor id', [...at, 'actor'])
  } else if (entry.composite !== undefined)
    checkNode(entry.composite, [...at, 'composite'], out, 'composite')
  else checkNode(entry.leaf, [...at, 'leaf'], out, 'leaf')
}

function checkNode(
  node: unknown,
  at: JsonPath,
  out: IssueList,
  expect?: 'leaf' | 'composite',
): void {
  if (!isObject(node)) {
    out.add(issueCodes.invalidView, 'a view node must be an object', at)
    return
  }
  for (const key of Object.keys(node)) {
    if (!isSafeKey(key))
      out.add(issueCodes.unsafeKey, `"${key}" is not allowed as a key`, [...at, key])
  }
  const composite = node.container !== undefined || node.foreach !== undefined
  if (expect === 'leaf' || (!composite && node.tag !== undefined)) {
    checkLeaf(node, at, out)
    return
  }
  if (expect === 'composite' || composite) {
    checkComposite(node, at, out)
    return
  }
  out.add(
    issueCodes.invalidView,
    'a view needs "tag" (a leaf) or "container"/"foreach" (a composite)',
    at,
  )
}

/**
 * Checks one actor's view: structure, tags, attributes, URLs, event names, JavaScript
 * strings and unknown operators. Paths start at `['view', …]`; every problem is reported.
 */
export function validateView(view: unknown, actorId: string): TroupeIssue[] {
  const out = new IssueList(actorId)
  checkNode(view, ['view'], out)
  if (out.issues.length === 0) {
    // The walk above covers what zod checks; this catches anything the two disagree on.
    const parsed = viewSchema.safeParse(view)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        out.add(issueCodes.invalidView, issue.message, ['view', ...(issue.path as JsonPath)])
      }
    }
  }
  return out.issues
}
