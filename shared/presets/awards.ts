/** Award presets: ranks within a category that earn an award. */
import type { AwardPreset } from './types';

const juaraHarapan: AwardPreset = {
  id: 'award.juara-harapan',
  name: 'Juara I–III dan Harapan I–III',
  source: 'Lazim pada lomba tingkat kota, kabupaten dan provinsi',
  kind: 'award',
  bands: [
    { label: 'Juara I', description: '', fromRank: 1, toRank: 1 },
    { label: 'Juara II', description: '', fromRank: 2, toRank: 2 },
    { label: 'Juara III', description: '', fromRank: 3, toRank: 3 },
    { label: 'Harapan I', description: '', fromRank: 4, toRank: 4 },
    { label: 'Harapan II', description: '', fromRank: 5, toRank: 5 },
    { label: 'Harapan III', description: '', fromRank: 6, toRank: 6 },
  ],
};

const top10: AwardPreset = {
  id: 'award.top-10',
  name: 'TOP 10',
  source: 'Mis. TOP 10 Inovasi Perangkat Daerah (Muara Enim)',
  kind: 'award',
  bands: [{ label: 'TOP 10', description: '', fromRank: 1, toRank: 10 }],
};

export const awardPresets: readonly AwardPreset[] = [juaraHarapan, top10];
