/**
 * The columns of the two lists (entries, jurors): the header each file we write carries, the
 * headers we recognise when reading (Indonesian and English, compared without case, spaces or
 * punctuation), and the guide text of the template's "Petunjuk" sheet.
 */
import type { Locale } from '@shared/i18n';

export type ImportKind = 'entries' | 'jurors';
type Text = Record<Locale, string>;

export interface FieldDef {
  field: string;
  /** Header written in templates and exports. */
  label: Text;
  /** Recognised headers, any language (normalised on use). */
  synonyms: readonly string[];
  /** Must be mapped (entries' category only when the competition has several: see requiredFields). */
  required: boolean;
  guide: Text;
  example: Text;
}

export const ENTRY_FIELDS: readonly FieldDef[] = [
  {
    field: 'code',
    label: { id: 'Kode', en: 'Code' },
    synonyms: ['Kode', 'Kode Peserta', 'Kode Inovasi', 'No. Registrasi', 'Nomor Registrasi', 'No. Reg', 'No. Pendaftaran', 'Nomor Pendaftaran', 'Code', 'Entry Code', 'Registration No.', 'Registration Number'],
    required: false,
    guide: {
      id: 'Kode unik peserta, paling banyak 40 karakter. Boleh dikosongkan: kode dibuat otomatis (001, 002, …).',
      en: 'Unique entry code, at most 40 characters. May be left empty: codes are then numbered automatically (001, 002, …).',
    },
    example: { id: 'INV-001', en: 'INV-001' },
  },
  {
    field: 'title',
    label: { id: 'Judul Inovasi', en: 'Title' },
    synonyms: ['Judul Inovasi', 'Judul', 'Nama Inovasi', 'Inovasi', 'Title', 'Innovation', 'Innovation Title', 'Entry Title'],
    required: true,
    guide: { id: 'Nama atau judul inovasi. Wajib, paling banyak 200 karakter.', en: 'Name or title of the innovation. Required, at most 200 characters.' },
    example: { id: 'Poltabes (Program Layanan Tak Boleh Berhenti Sekolah)', en: 'Poltabes (Program Layanan Tak Boleh Berhenti Sekolah)' },
  },
  {
    field: 'unit',
    label: { id: 'Unit Kerja', en: 'Unit' },
    synonyms: ['Unit Kerja', 'OPD', 'Nama OPD', 'Perangkat Daerah', 'Organisasi Perangkat Daerah', 'Instansi', 'Unit', 'Nama Unit', 'Satuan Kerja', 'Satker', 'Unit Penyelenggara', 'Agency', 'Institution', 'Organisation', 'Organization'],
    required: false,
    guide: { id: 'Unit kerja / OPD pemilik inovasi.', en: 'Government unit behind the innovation.' },
    example: { id: 'Dinas Pendidikan Kota Palembang', en: 'Dinas Pendidikan Kota Palembang' },
  },
  {
    field: 'category',
    label: { id: 'Kategori', en: 'Category' },
    synonyms: ['Kategori', 'Kelompok', 'Klaster', 'Cluster', 'Category', 'Group'],
    required: true,
    guide: {
      id: 'Nama kategori persis seperti di kompetisi (huruf besar/kecil tidak berpengaruh). Boleh dikosongkan bila kompetisi hanya punya satu kategori.',
      en: "The category's name as set in the competition (case does not matter). May be left empty when the competition has only one category.",
    },
    example: { id: 'Kelompok Umum', en: 'Kelompok Umum' },
  },
  {
    field: 'presenters',
    label: { id: 'Penyaji', en: 'Presenters' },
    synonyms: ['Penyaji', 'Nama Penyaji', 'Pemapar', 'Inovator', 'Presenter', 'Presenters', 'Innovator'],
    required: false,
    guide: { id: 'Nama penyaji saat presentasi.', en: 'Who presents the entry.' },
    example: { id: 'Dra. Siti Aisyah Rahmawati', en: 'Dra. Siti Aisyah Rahmawati' },
  },
  {
    field: 'contact',
    label: { id: 'Kontak', en: 'Contact' },
    synonyms: ['Kontak', 'No. HP', 'Nomor HP', 'HP', 'No. WA', 'WhatsApp', 'Telepon', 'No. Telepon', 'Telp', 'Email', 'E-mail', 'Surel', 'Contact', 'Phone'],
    required: false,
    guide: { id: 'Nomor HP atau email penghubung.', en: 'Phone number or e-mail of the contact person.' },
    example: { id: '0812-7000-1234', en: '0812-7000-1234' },
  },
  {
    field: 'notes',
    label: { id: 'Catatan', en: 'Notes' },
    synonyms: ['Catatan', 'Keterangan', 'Ket', 'Notes', 'Note', 'Remarks'],
    required: false,
    guide: { id: 'Catatan panitia, paling banyak 2.000 karakter.', en: "Organiser's notes, at most 2,000 characters." },
    example: { id: '', en: '' },
  },
];

export const JUROR_FIELDS: readonly FieldDef[] = [
  {
    field: 'name',
    label: { id: 'Nama', en: 'Name' },
    synonyms: ['Nama', 'Nama Juri', 'Nama Lengkap', 'Nama Penilai', 'Nama Anggota', 'Name', 'Full Name', 'Juror', 'Juror Name'],
    required: true,
    guide: {
      id: 'Nama juri seperti dicetak di berita acara. Wajib dan tidak boleh sama dengan juri lain.',
      en: 'Juror name as printed in the minutes. Required and unique within the competition.',
    },
    example: { id: 'Dra. Siti Aisyah Rahmawati', en: 'Dra. Siti Aisyah Rahmawati' },
  },
  {
    field: 'title',
    label: { id: 'Gelar', en: 'Title' },
    synonyms: ['Gelar', 'Gelar Akademik', 'Title', 'Academic Title'],
    required: false,
    guide: { id: 'Gelar akademik, bila ditulis terpisah dari nama.', en: 'Academic title, when kept apart from the name.' },
    example: { id: 'M.Si.', en: 'M.Si.' },
  },
  {
    field: 'nip',
    label: { id: 'NIP', en: 'NIP' },
    synonyms: ['NIP', 'NIP Baru', 'Nomor Induk Pegawai', 'NIP/NIK'],
    required: false,
    guide: {
      id: 'NIP 18 angka, boleh kosong. Tulis sebagai teks (kolom ini sudah berformat teks); angka yang berubah menjadi 1,98E+17 kehilangan digit.',
      en: 'Civil-servant number, 18 digits, optional. Keep it as text (this column is formatted as text); a number shown as 1.98E+17 has lost digits.',
    },
    example: { id: '197805122005012003', en: '197805122005012003' },
  },
  {
    field: 'position',
    label: { id: 'Jabatan', en: 'Position' },
    synonyms: ['Jabatan', 'Position', 'Job Title'],
    required: false,
    guide: { id: 'Jabatan, dicetak di bawah tanda tangan.', en: 'Job title, printed under the signature.' },
    example: { id: 'Kepala Bagian Organisasi', en: 'Kepala Bagian Organisasi' },
  },
  {
    field: 'institution',
    label: { id: 'Instansi', en: 'Institution' },
    synonyms: ['Instansi', 'Asal Instansi', 'Unit Kerja', 'Lembaga', 'Organisasi', 'Institution', 'Affiliation', 'Organisation', 'Organization'],
    required: false,
    guide: { id: 'Instansi asal juri.', en: "The juror's institution." },
    example: { id: 'Sekretariat Daerah Kota Palembang', en: 'Sekretariat Daerah Kota Palembang' },
  },
  {
    field: 'role',
    label: { id: 'Peran', en: 'Role' },
    synonyms: ['Peran', 'Peran dalam Tim', 'Kedudukan', 'Kedudukan dalam Tim', 'Role'],
    required: false,
    guide: {
      id: 'Ketua, Anggota, atau Sekretaris (sekretaris tidak menilai). Kosong berarti Anggota.',
      en: 'Chair, Member or Secretary (secretaries do not score). Empty means Member.',
    },
    example: { id: 'Ketua', en: 'Chair' },
  },
];

export const FIELDS: Record<ImportKind, readonly FieldDef[]> = { entries: ENTRY_FIELDS, jurors: JUROR_FIELDS };

/** "No. Registrasi" → "noregistrasi": no case, accents, spaces or punctuation. */
export const normalizeHeader = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const synonymIndex = (fields: readonly FieldDef[]): Map<string, string> => {
  const index = new Map<string, string>();
  for (const f of fields) for (const s of f.synonyms) index.set(normalizeHeader(s), f.field);
  return index;
};
const SYNONYMS: Record<ImportKind, Map<string, string>> = { entries: synonymIndex(ENTRY_FIELDS), jurors: synonymIndex(JUROR_FIELDS) };

/** field → column: each field takes the first column whose header it recognises. */
export function detectMapping(kind: ImportKind, headers: readonly string[]): Map<string, number> {
  const mapping = new Map<string, number>();
  headers.forEach((header, column) => {
    const field = SYNONYMS[kind].get(normalizeHeader(header));
    if (field && !mapping.has(field)) mapping.set(field, column);
  });
  return mapping;
}

export type JurorRole = 'chair' | 'member' | 'secretary';
export const ROLE_LABELS: Record<JurorRole, Text> = {
  chair: { id: 'Ketua', en: 'Chair' },
  member: { id: 'Anggota', en: 'Member' },
  secretary: { id: 'Sekretaris', en: 'Secretary' },
};
const ROLE_SYNONYMS = new Map<string, JurorRole>(
  (
    [
      ['chair', ['Ketua', 'Ketua Tim', 'Ketua Juri', 'Ketua Dewan Juri', 'Chair', 'Chairperson', 'Chairman', 'Chairwoman']],
      ['member', ['Anggota', 'Anggota Tim', 'Anggota Juri', 'Juri', 'Member', 'Juror']],
      ['secretary', ['Sekretaris', 'Sekretaris Tim', 'Secretary']],
    ] as const
  ).flatMap(([role, names]) => names.map((name) => [normalizeHeader(name), role] as const)),
);

/** "Ketua" → chair …; empty text → member; anything else → null (an unknown role). */
export function parseRole(text: string): JurorRole | null {
  if (text.trim() === '') return 'member';
  return ROLE_SYNONYMS.get(normalizeHeader(text)) ?? null;
}
