import type { Migration } from '../migrate';
import { initial } from './001_initial';
import { setup } from './002_setup';
import { stageMethod } from './003_stage_method';
import { timer } from './004_timer';
import { devices } from './005_devices';
import { schedule } from './006_schedule';
import { dashboard } from './007_dashboard';

/** In order; append new numbered modules, never edit a released one. */
export const migrations: readonly Migration[] = [initial, setup, stageMethod, timer, devices, schedule, dashboard];
