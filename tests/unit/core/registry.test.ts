import { describe, expect, it } from 'vitest';
import { commands } from '@shared/api/contract';
import { createRegistry } from '../../../electron/core';
import { HandlerRegistry } from '../../../electron/core/registry';

describe('handler registry', () => {
  it('refuses a command registered twice, naming it and the second domain', () => {
    const registry = new HandlerRegistry().register('a', { 'auth.whoami': () => ({ actor: { role: 'organiser' } }) });
    expect(() => registry.register('b', { 'auth.whoami': () => ({ actor: { role: 'organiser' } }) })).toThrow(/auth\.whoami.*b/);
  });

  it('has exactly one handler for every command of the contract', () => {
    expect(createRegistry().names().sort()).toEqual(Object.keys(commands).sort());
  });
});
