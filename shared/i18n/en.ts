import type { Catalog } from './index';

/** English — selectable in the interface. Must have exactly the keys of id.ts (a test checks). */
const en: Catalog = {
  app: { name: 'Ruang Juri', tagline: 'The jury room, fully offline' },
  errors: {
    unknownCommand: 'Unknown command "{command}".',
    badEnvelope: 'The request could not be read.',
    unauthenticated: 'This device is not paired yet. Open your personal link again.',
    forbidden: 'You are not allowed to run this command.',
    invalidInput: 'Invalid input: {summary}',
    internal: 'Something went wrong inside the app. Your data was not changed.',
    pairingTokenInvalid: 'This link is not valid or was already used. Ask the organisers for a new link.',
    competitionNotFound: 'Competition not found.',
    entryNotFound: 'Entry not found.',
    criterionNotFound: 'Criterion not found.',
    sessionNotOpen: 'The scoring session is not open or has been closed.',
    sessionAlreadyOpen: 'The scoring session is already open.',
    sheetSubmitted: 'The score sheet for this entry has been submitted and is locked.',
    markOutOfScale: 'Mark {value} for "{criterion}" must be between {min} and {max} in steps of {step}.',
    sheetIncomplete: 'Every criterion must be scored before submitting ({missing} missing).',
    duplicateName: 'The name "{name}" is used more than once.',
    databaseTooNew: 'The database was made by a newer Ruang Juri (schema {found}, this version {supported}). Update the app.',
    validation: {
      required: 'required',
      tooLong: 'too long',
      decimal: 'must be a number, e.g. 85 or 85.5',
      weight: 'weight must be above 0 and at most 100 %',
      atLeastOne: 'add at least one',
      unknownCategory: 'unknown category',
      scale: 'invalid scale (min < max, step divides the range)',
      opId: 'invalid operation id',
      invalid: 'invalid',
    },
  },
};
export default en;
