import {expect, test} from 'vitest'
import {formatSource} from './manifest-source.js'

test.each([
  {source: {file: 'app.yaml', document: 0, line: 1}, text: 'app.yaml:1'},
  {source: {file: 'app.yaml', document: 2, line: 40}, text: 'app.yaml:40 (document 3)'},
  {source: {file: '<stdin>', document: 0, line: 7, item: 2}, text: '<stdin>:7 (items[2])'},
  {source: {file: 'list.yaml', document: 1, line: 9, item: 0}, text: 'list.yaml:9 (document 2, items[0])'},
])('$text', ({source, text}) => {
  expect(formatSource(source)).toBe(text)
})
