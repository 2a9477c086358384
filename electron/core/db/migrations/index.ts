import type { Migration } from '../migrate';
import { initial } from './001_initial';
import { setup } from './002_setup';
import { stageMethod } from './003_stage_method';
import { timer } from './004_timer';
import { devices } from './005_devices';
import { schedule } from './006_schedule';
import { dashboard } from './007_dashboard';
import { scoringWindow } from './008_scoring_window';
import { paperFallback } from './009_paper_fallback';
import { finalise } from './010_finalise';
import { documentRegister } from './011_document_register';
import { signing } from './012_signing';
import { drawnSignatures } from './013_drawn_signatures';

/** In order; append new numbered modules, never edit a released one. */
export const migrations: readonly Migration[] = [initial, setup, stageMethod, timer, devices, schedule, dashboard, scoringWindow, paperFallback, finalise, documentRegister, signing, drawnSignatures];
