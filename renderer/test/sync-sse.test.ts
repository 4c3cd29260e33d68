import { describe, expect, it } from 'vitest';
import { SseParser } from '../src/sync/sse';
import { collectionsToPull } from '../src/sync/stream';

describe('SseParser', () => {
  it('reads events, skipping comments and keep-alive pings', () => {
    const parser = new SseParser();
    const events = parser.push(': connected\n\nevent: change\ndata: {"collection":"compounds"}\n\n: ping\n\nevent: resync\ndata: {}\n\n');
    expect(events).toEqual([
      { event: 'change', data: '{"collection":"compounds"}' },
      { event: 'resync', data: '{}' },
    ]);
  });

  it('assembles an event split anywhere across chunks, CRLF included', () => {
    const text = 'event: change\r\ndata: {"collection":"members"}\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(events, `cut at ${cut}`).toEqual([{ event: 'change', data: '{"collection":"members"}' }]);
    }
  });

  it('joins multi-line data, defaults the type to message, and drops events without data', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\ndata:b\n\nevent: resync\n\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('waits for the blank line before dispatching', () => {
    const parser = new SseParser();
    expect(parser.push('event: resync\ndata: {}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'resync', data: '{}' }]);
  });
});

describe('collectionsToPull', () => {
  it('pulls the changed collection, everything on resync, and everything on an event it cannot place', () => {
    expect(collectionsToPull({ event: 'change', data: '{"collection":"needs","checkpoint":{}}' })).toEqual(['needs']);
    expect(collectionsToPull({ event: 'resync', data: '{}' })).toBeNull();
    expect(collectionsToPull({ event: 'change', data: '{"collection":"nope"}' })).toBeNull();
    expect(collectionsToPull({ event: 'change', data: 'not json' })).toBeNull();
    expect(collectionsToPull({ event: 'message', data: 'x' })).toEqual([]);
  });
});
