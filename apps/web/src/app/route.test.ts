import { describe, expect, it } from 'vitest'
import { aboutFrom, aboutPath, boardPath, parseRoute, reportsPath } from './route.ts'

describe('parseRoute', () => {
  it('reads the join page, the board and an area', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' })
    expect(parseRoute('/join/abc_DEF-123')).toEqual({ name: 'join', token: 'abc_DEF-123' })
    expect(parseRoute('/a/assess1')).toEqual({ name: 'board', assessmentId: 'assess1', areaId: null })
    expect(parseRoute('/a/assess1/')).toEqual({ name: 'board', assessmentId: 'assess1', areaId: null })
    expect(parseRoute('/a/assess1/areas/1a')).toEqual({
      name: 'board',
      assessmentId: 'assess1',
      areaId: '1a',
    })
  })

  it('reads the staff pages', () => {
    expect(parseRoute('/staff')).toEqual({ name: 'staffHome' })
    expect(parseRoute('/staff/new')).toEqual({ name: 'newAssessment' })
    expect(parseRoute('/staff/join/tok_EN-123')).toEqual({ name: 'staffJoin', token: 'tok_EN-123' })
    expect(parseRoute('/staff/join')).toEqual({ name: 'notFound' })
    expect(parseRoute('/staff/other')).toEqual({ name: 'notFound' })
  })

  it('treats anything else as not found', () => {
    expect(parseRoute('/join')).toEqual({ name: 'notFound' })
    expect(parseRoute('/join/a/b')).toEqual({ name: 'notFound' })
    expect(parseRoute('/a/x%2Fy')).toEqual({ name: 'notFound' })
    expect(parseRoute('/a/abc/areas')).toEqual({ name: 'notFound' })
    expect(parseRoute('/a/%E0%A4%A')).toEqual({ name: 'notFound' })
  })

  it('builds paths that parse back', () => {
    expect(parseRoute(boardPath('abc', '2b'))).toEqual({ name: 'board', assessmentId: 'abc', areaId: '2b' })
    expect(boardPath('abc')).toBe('/a/abc')
    expect(parseRoute(reportsPath('abc'))).toEqual({
      name: 'board',
      assessmentId: 'abc',
      areaId: null,
      page: 'reports',
    })
    expect(parseRoute('/a/abc/reports/x')).toEqual({ name: 'notFound' })
  })
})

describe('the About this framework page', () => {
  it('parses its address and builds one that parses back, with the board it came from', () => {
    expect(parseRoute('/frameworks/cqc-hi-2025/about')).toEqual({ name: 'about', frameworkId: 'cqc-hi-2025' })
    expect(parseRoute('/frameworks/cqc-hi-2025')).toEqual({ name: 'notFound' })
    expect(parseRoute('/frameworks/a%2Fb/about')).toEqual({ name: 'notFound' })
    expect(aboutPath('cqc-hi-2025', 'abc')).toBe('/frameworks/cqc-hi-2025/about?from=abc')
    expect(aboutFrom('?from=abc')).toBe('abc')
    expect(aboutFrom('?from=%3Cscript%3E')).toBeNull()
    expect(aboutFrom('')).toBeNull()
  })
})
