/**
 * Criteria presets from real competitions (see DOMAIN.md). Weights are percent text, scales are
 * decimal text; applying a preset goes through the same checks as a criterion typed by hand.
 */
import type { CriteriaPreset, PresetCriterion, PresetRubricBand } from './types';

const criterion = (name: string, weight: string, description: string, extra: Partial<PresetCriterion> = {}): PresetCriterion => ({
  name,
  weight,
  min: '0',
  max: '100',
  step: '1',
  description,
  aspect: null,
  rubric: [],
  ...extra,
});

/**
 * KemenPAN-RB, KIPP 2023, proposal evaluation of the Kelompok Umum. The published list also has
 * "Ringkasan" weighing 0 %: a criterion of weight 0 is not allowed (it could never change a
 * total), so it is left out and the seven weighted criteria add up to 100 %. Scale 0–100; the
 * passing grade (85 in 2025) is the stage's advancement rule, not part of the criteria.
 */
const kipp2023Proposal: CriteriaPreset = {
  id: 'criteria.kipp-2023-proposal-umum',
  name: 'KIPP 2023 — Penilaian Proposal, Kelompok Umum',
  source: 'KemenPAN-RB, Kompetisi Inovasi Pelayanan Publik 2023',
  kind: 'criteria',
  criteria: [
    criterion('Latar Belakang dan Tujuan', '10', 'Permasalahan yang melatarbelakangi inovasi dan tujuan yang ingin dicapai.'),
    criterion('Kebaruan/Nilai Tambah', '15', 'Kebaruan inovasi dan nilai tambah dibandingkan layanan sebelumnya.'),
    criterion('Implementasi', '5', 'Tahapan pelaksanaan inovasi dan keterlibatan pemangku kepentingan.'),
    criterion('Signifikansi', '30', 'Dampak nyata inovasi bagi penerima layanan, dengan data sebelum dan sesudah.'),
    criterion('Adaptabilitas', '20', 'Kemungkinan inovasi direplikasi atau diadaptasi oleh unit lain.'),
    criterion('Sumber Daya', '5', 'Sumber daya manusia, anggaran dan sarana yang digunakan.'),
    criterion('Strategi Keberlanjutan', '15', 'Strategi kelembagaan, regulasi dan pendanaan agar inovasi berlanjut.'),
  ],
};

/** Kemendagri, Innovative Government Award 2023, presentation and interview. Scale 0–100. */
const iga2023Presentation: CriteriaPreset = {
  id: 'criteria.iga-2023-presentasi',
  name: 'IGA 2023 — Presentasi dan Wawancara',
  source: 'Kemendagri, Innovative Government Award 2023',
  kind: 'criteria',
  criteria: [
    criterion('Kebaharuan', '30', 'Kebaruan gagasan dan cara kerja inovasi daerah.'),
    criterion('Kemanfaatan', '25', 'Manfaat inovasi bagi masyarakat dan pemerintah daerah.'),
    criterion('Kewenangan Daerah & Kolaborasi', '15', 'Kesesuaian dengan kewenangan daerah dan kolaborasi dengan pihak lain.'),
    criterion('Replikasi & Aplikatif', '20', 'Kemudahan inovasi diterapkan dan direplikasi oleh daerah lain.'),
    criterion('Penguasaan Materi/Kualitas Penyajian', '10', 'Penguasaan materi oleh kepala daerah dan kualitas penyajian.'),
  ],
};

/**
 * KemenPAN-RB, PEKPPP (Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik): the six
 * aspects as criteria. Indicators are scored 0–5; a juror enters one value per aspect (the
 * evaluation of its indicators), so the scale is 0–5 with step 0.01: the index and its predicates
 * are published to two decimals (4.51, 4.01 …), and a step of 0.01 lets an aspect value such as
 * 4.25 or 3.67 be entered as the evaluators write it.
 */
const pekppp = (name: string, weight: string, description: string) =>
  criterion(name, weight, description, { max: '5', step: '0.01' });
const pekpppAspects: CriteriaPreset = {
  id: 'criteria.pekppp-aspek',
  name: 'PEKPPP — Enam Aspek Penilaian',
  source: 'KemenPAN-RB, Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik',
  kind: 'criteria',
  criteria: [
    pekppp('Kebijakan Pelayanan', '24', 'Standar pelayanan, maklumat dan survei kepuasan masyarakat.'),
    pekppp('Profesionalisme SDM', '25', 'Kompetensi, sikap dan kode etik pelaksana layanan.'),
    pekppp('Sarana Prasarana', '18', 'Kelayakan sarana dan prasarana, termasuk bagi kelompok rentan.'),
    pekppp('Sistem Informasi Pelayanan Publik', '11', 'Ketersediaan dan kemudahan akses informasi pelayanan.'),
    pekppp('Konsultasi dan Pengaduan', '10', 'Sarana konsultasi dan pengelolaan pengaduan.'),
    pekppp('Inovasi', '12', 'Inovasi pelayanan publik yang diterapkan unit layanan.'),
  ],
};

/**
 * A generic rubric built on KIPP's general criteria (kebaruan, efektif, bermanfaat, dapat
 * direplikasi, berkelanjutan), equal weights, scale 0–100 step 1. Bands 0–40 / 41–60 / 61–80 /
 * 81–100 leave no whole mark uncovered: with step 1, no mark falls between 40 and 41.
 */
const bands = (kurang: string, cukup: string, baik: string, sangatBaik: string): PresetRubricBand[] => [
  { min: '0', max: '40', label: 'Kurang', descriptor: kurang },
  { min: '41', max: '60', label: 'Cukup', descriptor: cukup },
  { min: '61', max: '80', label: 'Baik', descriptor: baik },
  { min: '81', max: '100', label: 'Sangat baik', descriptor: sangatBaik },
];
const genericRubric: CriteriaPreset = {
  id: 'criteria.inovasi-umum-5',
  name: 'Rubrik Inovasi Umum — 5 Kriteria',
  source: 'Kriteria umum KIPP (KemenPAN-RB); rubrik disusun untuk Ruang Juri',
  kind: 'criteria',
  criteria: [
    criterion('Kebaruan', '20', 'Inovasi merupakan gagasan atau cara baru, atau modifikasi yang memberi nilai tambah.', {
      rubric: bands(
        'Meniru layanan yang sudah ada tanpa perubahan berarti.',
        'Modifikasi kecil dari layanan yang sudah ada.',
        'Gagasan baru di lingkungan unit kerja atau daerahnya.',
        'Gagasan atau cara kerja baru yang belum pernah diterapkan di tempat lain.',
      ),
    }),
    criterion('Efektif', '20', 'Inovasi mencapai tujuan dan menyelesaikan masalah yang ditetapkan.', {
      rubric: bands(
        'Tujuan belum tercapai atau tidak ada data hasil.',
        'Sebagian tujuan tercapai, data hasil terbatas.',
        'Tujuan tercapai dan didukung data.',
        'Tujuan tercapai melebihi target, didukung data sebelum dan sesudah yang kuat.',
      ),
    }),
    criterion('Bermanfaat', '20', 'Inovasi memberi manfaat nyata bagi masyarakat penerima layanan.', {
      rubric: bands(
        'Manfaat belum dirasakan penerima layanan.',
        'Manfaat dirasakan sebagian kecil penerima layanan.',
        'Manfaat dirasakan luas oleh penerima layanan.',
        'Manfaat luas dan terukur, termasuk bagi kelompok rentan.',
      ),
    }),
    criterion('Dapat Direplikasi', '20', 'Inovasi dapat ditiru atau diadaptasi oleh unit atau daerah lain.', {
      rubric: bands(
        'Sulit diterapkan di tempat lain.',
        'Dapat diterapkan di tempat lain dengan penyesuaian besar.',
        'Dapat diterapkan di tempat lain dengan penyesuaian kecil.',
        'Sudah direplikasi atau diadaptasi oleh unit atau daerah lain.',
      ),
    }),
    criterion('Berkelanjutan', '20', 'Inovasi dijamin keberlanjutannya melalui regulasi, anggaran dan kelembagaan.', {
      rubric: bands(
        'Belum ada jaminan keberlanjutan.',
        'Keberlanjutan bergantung pada perorangan.',
        'Didukung regulasi atau anggaran.',
        'Didukung regulasi, anggaran dan kelembagaan yang melembaga.',
      ),
    }),
  ],
};

export const criteriaPresets: readonly CriteriaPreset[] = [kipp2023Proposal, iga2023Presentation, pekpppAspects, genericRubric];
