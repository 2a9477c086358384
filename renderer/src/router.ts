import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import DisplayView from './views/DisplayView.vue';
import HomeView from './views/HomeView.vue';
import JurorView from './views/JurorView.vue';
import KioskView from './views/KioskView.vue';
import PaperView from './views/PaperView.vue';
import PairView from './views/PairView.vue';
import ResultsView from './views/ResultsView.vue';
import ScheduleView from './views/ScheduleView.vue';
import SessionView from './views/SessionView.vue';
import AnalysisView from './views/AnalysisView.vue';
import SetupView from './views/SetupView.vue';
import CompetitionSetupView from './views/CompetitionSetupView.vue';
import VerifyView from './views/VerifyView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Rendered without the app header (the stage display). */
    bare?: boolean;
  }
}

// Static imports: one bundle, no lazy chunks to fetch from file:// or over a flaky Wi-Fi.
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  { path: '/pair', name: 'pair', component: PairView },
  { path: '/competitions/new', name: 'setup', component: SetupView },
  { path: '/competitions/:id(\\d+)', name: 'session', component: SessionView },
  { path: '/competitions/:id(\\d+)/schedule', name: 'schedule', component: ScheduleView },
  { path: '/competitions/:id(\\d+)/results', name: 'results', component: ResultsView },
  { path: '/competitions/:id(\\d+)/analysis', name: 'analysis', component: AnalysisView },
  { path: '/competitions/:id(\\d+)/kiosk', name: 'kiosk', component: KioskView },
  { path: '/competitions/:id(\\d+)/paper', name: 'paper', component: PaperView },
  { path: '/competitions/:id(\\d+)/setup', redirect: (to) => `/competitions/${String(to.params.id)}/setup/details` },
  { path: '/competitions/:id(\\d+)/setup/:tab(details|stages|jurors|entries|conflicts|import)', name: 'competition-setup', component: CompetitionSetupView },
  { path: '/verify', name: 'verify', component: VerifyView },
  { path: '/juror', name: 'juror', component: JurorView },
  { path: '/display', name: 'display', component: DisplayView, meta: { bare: true } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

/** Hash history: the same build loads from file:// in Electron and from the LAN server. */
export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes, scrollBehavior: () => ({ top: 0 }) });
}
