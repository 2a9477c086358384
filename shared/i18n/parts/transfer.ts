/**
 * Error messages of the transfer handlers (merged into errors.* of both catalogs). Same keys in both.
 * Problems of a whole file are sentences; problems of one row are short phrases shown after
 * "baris N, kolom X" (errors.import.at), like the errors.validation.* phrases they sit among.
 */
export const id = {
  import: {
    emptyFile: 'Berkas kosong: tidak ada baris untuk diimpor.',
    noRows: 'Berkas hanya berisi baris nama kolom; belum ada data untuk diimpor.',
    noHeader: 'Baris nama kolom tidak ditemukan di 10 baris pertama. Pasangkan kolom secara manual atau gunakan templat.',
    unreadable: 'Berkas tidak dapat dibaca sebagai lembar kerja Excel (.xlsx). Simpan ulang sebagai .xlsx atau CSV.',
    oldExcel: 'Berkas Excel lama (.xls) belum didukung. Simpan ulang sebagai .xlsx atau CSV.',
    encoding: 'Isi berkas bukan teks yang dapat dibaca. Simpan ulang sebagai CSV UTF-8 atau .xlsx.',
    columnNotMapped: 'Kolom wajib "{column}" tidak ditemukan. Pasangkan kolom tersebut atau gunakan templat.',
    columnMissing: 'Kolom ke-{column} yang dipilih tidak ada di berkas.',
    unknownField: 'Isian "{field}" tidak dikenal dalam pemasangan kolom.',
    noCategories: 'Kompetisi belum punya kategori. Tambahkan kategori sebelum mengimpor peserta.',
    noValidRows: 'Tidak ada baris yang benar untuk diimpor.',
    hasProblems: 'Impor dibatalkan karena {rows} baris bermasalah; tidak ada data yang disimpan. Perbaiki berkasnya, atau impor hanya baris yang benar. {summary}',
    at: 'baris {row}, kolom {column}',
    unknownCategory: 'kategori tidak ada di kompetisi ini',
    duplicateCode: 'kode sudah dipakai baris lain di berkas ini',
    codeExists: 'kode sudah dipakai peserta yang ada',
    duplicateName: 'nama sudah dipakai baris lain di berkas ini',
    nameExists: 'nama sudah dipakai juri yang ada',
    unknownRole: 'peran tidak dikenal (gunakan Ketua, Anggota, atau Sekretaris)',
    nipScientific: 'NIP tersimpan sebagai angka dan kehilangan digit (mis. 1,98E+17); jadikan sel teks lalu ketik ulang NIP',
    nipAsNumber: 'NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya bisa hilang; format kolom NIP sebagai Teks lalu ketik ulang NIP',
    malformedRow: 'tanda petik tidak tertutup; isi kolom bisa bergeser',
  },
};

export const en: typeof id = {
  import: {
    emptyFile: 'The file is empty: there are no rows to import.',
    noRows: 'The file holds only the header row; there is no data to import yet.',
    noHeader: 'No header row was found in the first 10 rows. Map the columns by hand or use the template.',
    unreadable: 'The file cannot be read as an Excel workbook (.xlsx). Save it again as .xlsx or CSV.',
    oldExcel: 'Old Excel files (.xls) are not supported. Save it again as .xlsx or CSV.',
    encoding: 'The file is not readable text. Save it again as CSV UTF-8 or .xlsx.',
    columnNotMapped: 'The required column "{column}" was not found. Map it or use the template.',
    columnMissing: 'The chosen column {column} does not exist in the file.',
    unknownField: 'The field "{field}" in the column mapping is unknown.',
    noCategories: 'The competition has no categories yet. Add categories before importing entries.',
    noValidRows: 'There are no valid rows to import.',
    hasProblems: 'Import cancelled: {rows} rows have problems; nothing was saved. Correct the file, or import only the valid rows. {summary}',
    at: 'row {row}, column {column}',
    unknownCategory: 'no such category in this competition',
    duplicateCode: 'code already used by another row of this file',
    codeExists: 'code already used by an existing entry',
    duplicateName: 'name already used by another row of this file',
    nameExists: 'name already used by an existing juror',
    unknownRole: 'unknown role (use Chair, Member or Secretary)',
    nipScientific: 'NIP stored as a number and lost digits (e.g. 1.98E+17); make the cell text and type the NIP again',
    nipAsNumber: 'NIP stored as a number in Excel, so its last digits may be lost; format the NIP column as Text and type the NIP again',
    malformedRow: 'a quote is not closed; cells may be shifted',
  },
};
