/** A small Indonesian application menu (the interface language's default). */
import type { MenuItemConstructorOptions } from 'electron';

export const STAGE_DISPLAY_LABEL = 'Tampilkan di layar panggung';

export function applicationMenuTemplate(options: { dev: boolean; platform: NodeJS.Platform; onStageDisplay?: () => void }): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const menu: MenuItemConstructorOptions[] = [];
  if (mac)
    menu.push({
      label: 'Ruang Juri',
      submenu: [
        { role: 'about', label: 'Tentang Ruang Juri' },
        { type: 'separator' },
        { role: 'hide', label: 'Sembunyikan Ruang Juri' },
        { role: 'hideOthers', label: 'Sembunyikan yang Lain' },
        { role: 'unhide', label: 'Tampilkan Semua' },
        { type: 'separator' },
        { role: 'quit', label: 'Keluar dari Ruang Juri' },
      ],
    });
  menu.push(
    { label: 'Berkas', submenu: [mac ? { role: 'close', label: 'Tutup Jendela' } : { role: 'quit', label: 'Keluar' }] },
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Urungkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih Semua' },
      ],
    },
    {
      label: 'Tampilan',
      submenu: [
        ...(options.dev
          ? ([
              { role: 'reload', label: 'Muat Ulang' },
              { role: 'toggleDevTools', label: 'Alat Pengembang' },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        // Opens the stage display of the competition on screen (on the projector when one is connected).
        ...(options.onStageDisplay
          ? ([
              { label: STAGE_DISPLAY_LABEL, accelerator: 'CmdOrCtrl+Shift+P', click: options.onStageDisplay },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: 'Ukuran Normal' },
        { role: 'zoomIn', label: 'Perbesar' },
        { role: 'zoomOut', label: 'Perkecil' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Layar Penuh' },
      ],
    },
    {
      label: 'Jendela',
      submenu: [
        { role: 'minimize', label: 'Perkecil Jendela' },
        ...(mac ? [] : ([{ role: 'close', label: 'Tutup' }] satisfies MenuItemConstructorOptions[])),
      ],
    },
  );
  if (!mac) menu.push({ label: 'Bantuan', submenu: [{ role: 'about', label: 'Tentang Ruang Juri' }] });
  return menu;
}
