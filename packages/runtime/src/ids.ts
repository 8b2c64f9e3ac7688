/**
 * Default ids: time in base36, a per-process counter and a random tail. They sort by
 * creation time (queries list entities by id when they have no `sort`), and the random tail
 * keeps ids from two peers in the same millisecond apart.
 */
let counter = 0

export function newSortableId(): string {
  counter = (counter + 1) % 36 ** 4
  const time = Date.now().toString(36).padStart(9, '0')
  const count = counter.toString(36).padStart(4, '0')
  const random = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')
  return `${time}${count}${random}`
}
