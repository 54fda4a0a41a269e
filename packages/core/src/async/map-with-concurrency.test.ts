import {describe, expect, test} from 'vitest'
import {mapWithConcurrency} from './map-with-concurrency.js'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('mapWithConcurrency', () => {
  test.each([
    {limit: 1, items: 5},
    {limit: 3, items: 10},
    {limit: 8, items: 3},
  ])('never more than $limit in flight over $items items; results keep the order of the items', async ({limit, items}) => {
    let inFlight = 0
    let peak = 0
    const results = await mapWithConcurrency(Array.from({length: items}, (_, index) => index), limit, async (item) => {
      inFlight++
      peak = Math.max(peak, inFlight)
      for (let wait = 0; wait < (item % 3) + 1; wait++) await tick()
      inFlight--
      return item * 10
    })
    expect(results).toEqual(Array.from({length: items}, (_, index) => index * 10))
    expect(peak).toBe(Math.min(limit, items))
  })

  test('a rejection rejects the whole', async () => {
    await expect(mapWithConcurrency([1, 2, 3], 2, async (item) => {
      if (item === 2) throw new Error('boom')
      return item
    })).rejects.toThrow('boom')
  })

  test('no items, no tasks', async () => expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]))
})
