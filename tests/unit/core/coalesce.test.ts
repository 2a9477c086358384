/** Frames to one socket in the same turn leave in one write (electron/core/lan/coalesce.ts). */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createWriteCoalescer } from '../../../electron/core/lan/coalesce';

/** A socket stand-in that records each write it is asked to make: the number of chunks in it. */
function recordingSocket() {
  const writes: string[][] = [];
  const socket = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push([String(chunk)]);
      done();
    },
    writev(chunks, done) {
      writes.push(chunks.map((c) => String(c.chunk)));
      done();
    },
  });
  return { socket, writes };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('write coalescer', () => {
  it('sends what was written to a socket during one turn as one write, in order, and leaves the next turn alone', async () => {
    const hold = createWriteCoalescer();
    const a = recordingSocket();
    const b = recordingSocket();
    for (const frame of ['a1', 'a2', 'a3']) {
      hold(a.socket);
      a.socket.write(frame);
    }
    hold(b.socket);
    b.socket.write('b1');
    expect(a.writes).toEqual([]);
    await nextTurn();
    expect(a.writes).toEqual([['a1', 'a2', 'a3']]);
    expect(b.writes).toEqual([['b1']]);

    a.socket.write('a4');
    expect(a.writes).toEqual([['a1', 'a2', 'a3'], ['a4']]);
  });

  it('does not hold a socket that is already destroyed', () => {
    const hold = createWriteCoalescer();
    const { socket } = recordingSocket();
    socket.destroy();
    hold(socket);
    expect(socket.writableCorked).toBe(0);
  });
});
