// @vitest-environment happy-dom
/**
 * The signature pad: pointer strokes are drawn on its canvas and saved as a PNG with ink in it;
 * undo takes back the last stroke, clear empties it. happy-dom has no 2D canvas, so the test
 * provides a tiny one that plots the points the component draws through and encodes them with pngjs.
 */
import { mount } from '@vue/test-utils';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_KEY } from '../../renderer/src/api';
import SignatureCapture from '../../renderer/src/components/signature/SignatureCapture.vue';
import { createAppI18n } from '../../renderer/src/i18n';
import { createFakeApi } from './fake-api';
import { flushPromises } from './helpers';

const WIDTH = 600;
const HEIGHT = 200;

/** Plots every moveTo / lineTo point (3 × 3 px) of the canvas it belongs to; clearRect wipes it. */
function fakeContext() {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 4);
  const plot = (x: number, y: number) => {
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px >= 0 && py >= 0 && px < WIDTH && py < HEIGHT) pixels.set([16, 33, 58, 255], (py * WIDTH + px) * 4);
      }
  };
  return {
    pixels,
    context: {
      beginPath() {},
      stroke() {},
      moveTo: plot,
      lineTo: plot,
      clearRect: () => pixels.fill(0),
    },
  };
}

const inkOf = (dataUrl: string) => {
  const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1], 'base64'));
  let ink = 0;
  for (let i = 3; i < png.data.length; i += 4) if (png.data[i] > 0) ink++;
  return { width: png.width, height: png.height, ink };
};

let canvases: ReturnType<typeof fakeContext>[] = [];
beforeEach(() => {
  canvases = [];
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    const self = this as HTMLCanvasElement & { fake?: ReturnType<typeof fakeContext> };
    if (!self.fake) canvases.push((self.fake = fakeContext()));
    return self.fake.context as unknown as CanvasRenderingContext2D;
  } as never);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockImplementation(function (this: HTMLCanvasElement) {
    const fake = (this as HTMLCanvasElement & { fake?: ReturnType<typeof fakeContext> }).fake!;
    return `data:image/png;base64,${PNG.sync.write({ width: WIDTH, height: HEIGHT, data: fake.pixels }).toString('base64')}`;
  });
});
afterEach(() => vi.restoreAllMocks());

async function mountCapture() {
  const saved: string[] = [];
  const api = createFakeApi({
    'signatures.get': () => ({ signature: null }),
    'signatures.save': (input) => {
      saved.push(input.dataUrl);
      return { stageId: 1, jurorId: 7, sha256: 'a'.repeat(64), drawnBy: 'organiser', drawnAt: '2026-11-23T02:00:00.000Z' };
    },
  });
  const wrapper = mount(SignatureCapture, {
    props: { competitionId: 3, jurorId: 7 },
    attachTo: document.body,
    global: { plugins: [createAppI18n('id')], provide: { [API_KEY as symbol]: api } },
  });
  await flushPromises();
  return { wrapper, api, saved };
}

async function stroke(wrapper: Awaited<ReturnType<typeof mountCapture>>['wrapper'], points: [number, number][]) {
  const canvas = wrapper.get('[data-testid="signature-canvas"]');
  const [first, ...rest] = points;
  await canvas.trigger('pointerdown', { clientX: first[0], clientY: first[1], pointerId: 1, button: 0 });
  for (const [x, y] of rest) await canvas.trigger('pointermove', { clientX: x, clientY: y, pointerId: 1 });
  await canvas.trigger('pointerup', { pointerId: 1 });
}

describe('signature pad', () => {
  it('starts empty: nothing to save', async () => {
    const { wrapper } = await mountCapture();
    expect(wrapper.get('[data-testid="signature-save"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="signature-clear"]').attributes('disabled')).toBeDefined();
  });

  it('pointer strokes produce a PNG with ink where they were drawn, saved for the juror', async () => {
    const { wrapper, api, saved } = await mountCapture();
    await stroke(wrapper, [
      [40, 150],
      [120, 60],
      [220, 140],
    ]);
    await wrapper.get('[data-testid="signature-save"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('signatures.save')).toEqual([{ competitionId: 3, jurorId: 7, stageId: undefined, dataUrl: saved[0] }]);
    const image = inkOf(saved[0]);
    expect(image).toMatchObject({ width: WIDTH, height: HEIGHT });
    expect(image.ink).toBeGreaterThan(0);
    const png = PNG.sync.read(Buffer.from(saved[0].split(',')[1], 'base64'));
    expect(png.data[(60 * WIDTH + 120) * 4 + 3]).toBe(255);
    expect(png.data[(10 * WIDTH + 500) * 4 + 3]).toBe(0);
    // Saved: the stored signature is shown.
    expect(wrapper.get('[data-testid="signature-current"]').attributes('src')).toBe(saved[0]);
  });

  it('undo takes back the last stroke; clear empties the pad and disables saving', async () => {
    const { wrapper } = await mountCapture();
    await stroke(wrapper, [[50, 50], [60, 60]]);
    await stroke(wrapper, [[400, 150], [410, 160]]);
    await wrapper.get('[data-testid="signature-undo"]').trigger('click');
    const pixels = canvases[0].pixels;
    expect(pixels[(50 * WIDTH + 50) * 4 + 3]).toBe(255);
    expect(pixels[(150 * WIDTH + 400) * 4 + 3]).toBe(0);

    await wrapper.get('[data-testid="signature-clear"]').trigger('click');
    expect(pixels.every((byte) => byte === 0)).toBe(true);
    expect(wrapper.get('[data-testid="signature-save"]').attributes('disabled')).toBeDefined();
  });
});
