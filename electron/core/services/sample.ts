/**
 * "Coba dengan data contoh": loads the sample competition through the real setup and scoring
 * commands (ctx.run), all in one transaction, with every scoring juror's first-stage sheet submitted.
 */
import { ORGANISER, type Actor } from '@shared/domain/actor';
import type { HandlerMap } from '../registry';
import {
  CATEGORY_MUARA_ENIM,
  CATEGORY_PALEMBANG,
  SAMPLE_NAME,
  presentationCriteria,
  proposalCriteria,
  sampleConflict,
  sampleDetails,
  sampleEntries,
  sampleJurors,
  sampleRubric,
} from '../sample/data';
import { sampleMarks } from '../sample/marks';

const scale = { min: '0', max: '100', step: '1', aspect: null, rubric: sampleRubric };

export const sampleHandlers: HandlerMap = {
  'sample.load'(ctx) {
    const run = ctx.run;
    const created = run(ORGANISER, 'competition.create', {
      name: SAMPLE_NAME,
      categories: [{ name: CATEGORY_PALEMBANG }, { name: CATEGORY_MUARA_ENIM }],
      criteria: proposalCriteria.map(({ name, weight }) => ({ name, weight })),
      jurors: sampleJurors.map(({ name, role }) => ({ name, role })),
      entries: sampleEntries,
    });
    const competitionId = created.id;
    run(ORGANISER, 'competition.updateDetails', { competitionId, name: SAMPLE_NAME, ...sampleDetails });

    const proposal = created.stages[0];
    run(ORGANISER, 'stage.save', { competitionId, id: proposal.id, name: 'Penilaian Proposal', weight: '70', advancement: { kind: 'topN', n: 5 } });
    created.criteria.forEach((criterion, i) =>
      run(ORGANISER, 'criterion.save', { stageId: proposal.id, id: criterion.id, ...proposalCriteria[i], ...scale }),
    );
    created.jurors.forEach((juror, i) => run(ORGANISER, 'juror.save', { competitionId, id: juror.id, ...sampleJurors[i] }));

    const withPresentation = run(ORGANISER, 'stage.save', { competitionId, name: 'Presentasi dan Wawancara', weight: '30', advancement: { kind: 'none' } });
    const presentation = withPresentation.stages[withPresentation.stages.length - 1];
    for (const criterion of presentationCriteria) run(ORGANISER, 'criterion.save', { stageId: presentation.id, ...criterion, ...scale });

    const conflicted = created.jurors[sampleConflict.jurorIndex];
    run(ORGANISER, 'conflict.declare', { competitionId, jurorId: conflicted.id, target: { unit: sampleConflict.unit }, reason: sampleConflict.reason });

    run(ORGANISER, 'session.open', { competitionId });
    const marks = sampleMarks(created.entries.length, created.jurors.length, created.criteria.length);
    created.entries.forEach((entry, e) => {
      created.jurors.forEach((juror, j) => {
        if (juror.role === 'secretary') return;
        if (juror.id === conflicted.id && entry.unit === sampleConflict.unit) return;
        const actor: Actor = { role: juror.role === 'chair' ? 'chair' : 'juror', competitionId, jurorId: juror.id };
        run(actor, 'scoring.saveSheet', {
          opId: `sample-${competitionId}-${entry.id}-${juror.id}`,
          entryId: entry.id,
          marks: created.criteria.map((criterion, c) => ({ criterionId: criterion.id, value: String(marks[e][j][c]) })),
          submit: true,
        });
      });
    });
    run(ORGANISER, 'session.close', { competitionId });
    return { id: competitionId, name: SAMPLE_NAME, createdAt: created.createdAt, entryCount: created.entries.length };
  },
};
