// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import type { Locale } from '@shared/i18n';
import MarkInput from '../../renderer/src/components/juror/MarkInput.vue';
import { createAppI18n } from '../../renderer/src/i18n';

const KEBARUAN = { id: 11, name: 'Kebaruan', min: '0', max: '100', step: '0.5' };

/** MarkInput bound to a value the way JurorView binds it (v-model through the store). */
function mountMark(initial = '', locale: Locale = 'id', criterion = KEBARUAN, disabled = false) {
  const value = ref(initial);
  const Host = defineComponent({
    render: () => h(MarkInput, { criterion, modelValue: value.value, disabled, 'onUpdate:modelValue': (text: string) => (value.value = text) }),
  });
  const wrapper = mount(Host, { attachTo: document.body, global: { plugins: [createAppI18n(locale)] } });
  const slider = () => wrapper.get<HTMLInputElement>('[data-testid="score-slider-11"]');
  const typed = () => wrapper.get<HTMLInputElement>('[data-testid="mark-11"]');
  const plus = () => wrapper.get('[data-testid="score-plus-11"]');
  const minus = () => wrapper.get('[data-testid="score-minus-11"]');
  const hint = () => wrapper.find('[data-testid="hint-11"]');
  return { wrapper, value, slider, typed, plus, minus, hint };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('MarkInput', () => {
  it('keeps slider, buttons and typed number in step with each other, in exact steps', async () => {
    const m = mountMark();
    // 0–100 in steps of 0.5: 200 steps on the slider.
    expect(m.slider().attributes('max')).toBe('200');
    await m.slider().setValue('171');
    expect(m.value.value).toBe('85,5');
    expect(m.typed().element.value).toBe('85,5');
    await m.plus().trigger('click');
    expect(m.value.value).toBe('86');
    await m.minus().trigger('click');
    await m.minus().trigger('click');
    expect(m.value.value).toBe('85');
    expect(m.slider().element.value).toBe('170');
    // Typing moves the slider; a decimal point is read as well as a comma.
    await m.typed().setValue('42.5');
    expect(m.value.value).toBe('42.5');
    expect(m.slider().element.value).toBe('85');
    expect(m.slider().attributes('aria-valuetext')).toBe('42,5');
    await m.plus().trigger('click');
    expect(m.value.value).toBe('43');
  });

  it('refuses a typed mark out of range or off the step with the message, and the buttons bring it back onto the scale', async () => {
    const m = mountMark();
    await m.typed().setValue('101');
    expect(m.hint().text()).toBe('Nilai harus antara 0 dan 100.');
    expect(m.typed().attributes('aria-invalid')).toBe('true');
    expect(m.typed().attributes('aria-describedby')).toBe('hint-11');
    expect(m.plus().attributes('disabled')).toBeDefined();
    await m.minus().trigger('click');
    expect(m.value.value).toBe('100');
    expect(m.hint().exists()).toBe(false);

    await m.typed().setValue('85,25');
    expect(m.hint().text()).toBe('Nilai harus kelipatan 0,5, mulai dari 0.');
    await m.plus().trigger('click');
    expect(m.value.value).toBe('85,5');
    await m.typed().setValue('85,25');
    await m.minus().trigger('click');
    expect(m.value.value).toBe('85');
  });

  it('starts an empty mark at the minimum with +, and cannot go below it', async () => {
    const m = mountMark('', 'id', { ...KEBARUAN, min: '1', max: '5', step: '1' });
    expect(m.minus().attributes('disabled')).toBeDefined();
    await m.plus().trigger('click');
    expect(m.value.value).toBe('1');
    expect(m.minus().attributes('disabled')).toBeDefined();
    await m.slider().setValue('4');
    expect(m.value.value).toBe('5');
    expect(m.plus().attributes('disabled')).toBeDefined();
  });

  it('writes a decimal point in English and labels every control for assistive technology', async () => {
    const m = mountMark('', 'en');
    await m.slider().setValue('1');
    expect(m.value.value).toBe('0.5');
    expect(m.slider().attributes('aria-label')).toBe('Slider for Kebaruan');
    expect(m.plus().attributes('aria-label')).toBe('Increase Kebaruan by one step');
    expect(m.minus().attributes('aria-label')).toBe('Decrease Kebaruan by one step');
  });

  it('disables every control of a sheet that cannot be edited', () => {
    const m = mountMark('80', 'id', KEBARUAN, true);
    for (const control of [m.slider(), m.typed(), m.plus(), m.minus()]) expect(control.attributes('disabled')).toBeDefined();
  });
});
