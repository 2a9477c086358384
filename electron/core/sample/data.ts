/**
 * The sample competition ("Coba dengan data contoh"), built from the seed articles:
 * - Palembang's KOINYANLIK 2022: the ten finalist units in the published order. The article names
 *   the units only, so the innovation titles here are illustrative, not the real ones.
 * - Muara Enim's TOP 10 Inovasi Perangkat Daerah 2020: units and innovations as published.
 * Jurors, NIPs and marks are fictional.
 */

export const SAMPLE_NAME = 'Kompetisi Inovasi Pelayanan Publik Sumatera Selatan 2026 (Data Contoh)';

export const sampleDetails = {
  institution: 'Pemerintah Provinsi Sumatera Selatan',
  unit: 'Biro Organisasi Sekretariat Daerah',
  address: 'Jl. Kapten A. Rivai No. 3, Palembang 30129',
  place: 'Palembang',
  startDate: '2026-11-09',
  endDate: '2026-11-12',
  documentLocale: 'id' as const,
  logo: null,
  weightsMustTotal100: true,
};

export const CATEGORY_PALEMBANG = 'Kota Palembang';
export const CATEGORY_MUARA_ENIM = 'Kabupaten Muara Enim';

export const sampleEntries: { code: string; title: string; unit: string; category: string }[] = [
  { code: 'PLG-01', title: 'Layanan Administrasi Keliling Kelurahan', unit: 'Kecamatan Plaju' },
  { code: 'PLG-02', title: 'Pemeriksaan Kesehatan Ibu Hamil Terpadu', unit: 'Puskesmas Gandus' },
  { code: 'PLG-03', title: 'Kelas Literasi Digital Sepulang Sekolah', unit: 'SMP Negeri 30 Palembang' },
  { code: 'PLG-04', title: 'Pengaduan Warga Satu Pintu', unit: 'Kecamatan Kalidoni' },
  { code: 'PLG-05', title: 'Bank Sampah Sekolah', unit: 'SMP Negeri 17 Palembang' },
  { code: 'PLG-06', title: 'Portal Layanan Informasi Publik Terpadu', unit: 'Dinas Komunikasi dan Informatika' },
  { code: 'PLG-07', title: 'Dokumen Kependudukan Antar ke Rumah', unit: 'Dinas Kependudukan dan Pencatatan Sipil' },
  { code: 'PLG-08', title: 'Pojok Baca Orang Tua dan Anak', unit: 'SD Negeri 165 Palembang' },
  { code: 'PLG-09', title: 'Poltabes: Layanan Tak Boleh Berhenti Sekolah', unit: 'Dinas Pendidikan Kota Palembang' },
  { code: 'PLG-10', title: 'Pekarangan Pangan Lestari', unit: 'Dinas Pertanian dan Ketahanan Pangan' },
].map((e) => ({ ...e, category: CATEGORY_PALEMBANG }));

sampleEntries.push(
  ...[
    { code: 'ME-01', title: 'Khamajaya Pumkin (Pengelola Labu Kuning)', unit: 'Dinas TPHP' },
    { code: 'ME-02', title: 'Info Papa RT', unit: 'Dinas Pemdes' },
    { code: 'ME-03', title: 'Salam Rabain', unit: 'RSUD H.M. Rabain' },
    { code: 'ME-04', title: 'Bermanja Mesra (Bersama Membangun Jamban Memenuhi Syarat)', unit: 'Puskesmas Tanjung Raya' },
    { code: 'ME-05', title: 'Serbu Halaman (Semangat Mengatur Ibu Sehat Bayi Selamat dan Aman)', unit: 'Puskesmas Pulau Panggung' },
    { code: 'ME-06', title: 'Pesta Remaja Cetar', unit: 'Puskesmas Sumber Mulya' },
    { code: 'ME-07', title: 'Trias Jupe (Putri Pengawas Jumpe)', unit: 'Puskesmas Tanjung Enim' },
    { code: 'ME-08', title: 'Waskom Pecah', unit: 'Puskesmas Ujanmas' },
    { code: 'ME-09', title: 'Pelangi untuk Kita', unit: 'Puskesmas Sugih Waras' },
    { code: 'ME-10', title: 'Nyaedak Tembeling', unit: 'Puskesmas Belida Darat' },
  ].map((e) => ({ ...e, category: CATEGORY_MUARA_ENIM })),
);

/** Names are written as they are printed on documents, academic titles included, so `title` stays empty. */
export const sampleJurors = [
  { name: 'Dr. Hj. Ratna Dewi Kusuma, M.Si.', title: '', nip: '197203151998032004', position: 'Kepala Biro Organisasi', institution: 'Setda Provinsi Sumatera Selatan', role: 'chair' as const },
  { name: 'Ir. Bambang Sutrisno, M.T.', title: '', nip: '196811021994031003', position: 'Akademisi', institution: 'Universitas Sriwijaya', role: 'member' as const },
  { name: 'Andi Prasetyo, S.Sos., M.AP.', title: '', nip: '198005232005011002', position: 'Analis Kebijakan Ahli Madya', institution: 'Bappeda Provinsi Sumatera Selatan', role: 'member' as const },
  { name: 'Siti Aisyah Rahmawati, S.E., M.M.', title: '', nip: '198509172010012015', position: 'Praktisi Pelayanan Publik', institution: 'Ombudsman RI Perwakilan Sumatera Selatan', role: 'member' as const },
  { name: 'Hendra Saputra, S.Kom.', title: '', nip: '199001122015031001', position: 'Analis Tata Laksana', institution: 'Biro Organisasi Setda Provinsi Sumatera Selatan', role: 'secretary' as const },
];

/** KIPP 2023 proposal criteria (Kelompok Umum), without the 0 % "Ringkasan". */
export const proposalCriteria = [
  { name: 'Latar Belakang dan Tujuan', weight: '10', description: 'Masalah yang dijawab dan tujuan inovasi jelas serta terukur.' },
  { name: 'Kebaruan / Nilai Tambah', weight: '15', description: 'Hal baru yang ditawarkan dibanding layanan sebelumnya.' },
  { name: 'Implementasi', weight: '5', description: 'Inovasi telah dijalankan, dengan tahapan dan waktu yang jelas.' },
  { name: 'Signifikansi', weight: '30', description: 'Dampak nyata bagi masyarakat, dengan data sebelum dan sesudah.' },
  { name: 'Adaptabilitas', weight: '20', description: 'Dapat direplikasi atau telah diadopsi unit lain.' },
  { name: 'Sumber Daya', weight: '5', description: 'Sumber daya yang digunakan dan cara memperolehnya.' },
  { name: 'Strategi Keberlanjutan', weight: '15', description: 'Strategi kelembagaan, sosial, dan anggaran agar inovasi berlanjut.' },
];

/** Kemendagri IGA 2023 presentation criteria. */
export const presentationCriteria = [
  { name: 'Kebaharuan', weight: '30', description: 'Kebaruan gagasan dan cara penyampaian layanan.' },
  { name: 'Kemanfaatan', weight: '25', description: 'Manfaat yang dirasakan masyarakat.' },
  { name: 'Kewenangan Daerah dan Kolaborasi', weight: '15', description: 'Sesuai kewenangan daerah dan melibatkan pemangku kepentingan.' },
  { name: 'Replikasi dan Aplikatif', weight: '20', description: 'Mudah diterapkan di tempat lain.' },
  { name: 'Penguasaan Materi dan Kualitas Penyajian', weight: '10', description: 'Penguasaan materi saat presentasi dan tanya jawab.' },
];

/** Rubric bands every sample criterion shows the jurors (scale 0–100). */
export const sampleRubric = [
  { min: '0', max: '40', label: 'Kurang', descriptor: 'Belum tampak atau tidak didukung bukti.' },
  { min: '41', max: '60', label: 'Cukup', descriptor: 'Tampak sebagian, bukti terbatas.' },
  { min: '61', max: '80', label: 'Baik', descriptor: 'Tampak jelas dengan bukti yang memadai.' },
  { min: '81', max: '100', label: 'Sangat baik', descriptor: 'Menonjol, terukur, dan didukung bukti kuat.' },
];

/** An example conflict of interest, so the chair's screens have one to show. */
export const sampleConflict = { jurorIndex: 2, unit: 'Dinas Komunikasi dan Informatika', reason: 'Pernah menjadi narasumber pengembangan portal layanan tersebut.' };
