/** offline strings: `errors` merge into errors.*, `ui` is the catalog section "offline". Same keys in both languages. */
export const id = {
  errors: {},
  ui: {
    offlineBadge: 'Luring — tersimpan di perangkat ini',
    pending: '{n} perubahan menunggu dikirim',
    sending: 'Mengirim {n} perubahan…',
    waitingToSend: 'Menunggu dikirim',
    submitQueued: 'Penilaian tersimpan di perangkat ini dan akan dikirim begitu jaringan kembali. Lembar dikunci setelah diterima.',
    draftQueued: 'Draf tersimpan di perangkat ini; akan dikirim begitu jaringan kembali.',
    autoSaved: 'Draf tersimpan otomatis',
    refused: 'Perubahan untuk {entry} ditolak: {message}',
  },
};
export const en: typeof id = {
  errors: {},
  ui: {
    offlineBadge: 'Offline — saved on this device',
    pending: '{n} changes waiting to be sent',
    sending: 'Sending {n} changes…',
    waitingToSend: 'Waiting to send',
    submitQueued: 'Your marks are saved on this device and will be sent as soon as the network is back. The sheet locks once they are received.',
    draftQueued: 'Draft saved on this device; it will be sent as soon as the network is back.',
    autoSaved: 'Draft saved automatically',
    refused: 'The change for {entry} was refused: {message}',
  },
};
