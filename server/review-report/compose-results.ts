/** Section III of a review report: the results, with the statistics tables shared with the .xlsx annex. */
import type { StatTable } from '../docgen/xlsx-tables.ts';
import type { MovementRow } from './figures.ts';
import { KIND_KEY, KIND_WORD, citeDate, lowerFirst, n, type Composer } from './compose-context.ts';

export function composeResults(c: Composer): void {
  const {
    figures,
    texts,
    body,
    figs,
    breakdowns,
    movements,
    tables,
    v,
    levelById,
    levelName,
    isGrassroots,
    heading,
    operatorText,
    sentence,
    registration,
  } = c;
  heading(1, 'III', 'KẾT QUẢ CỤ THỂ');

  // 1. Counts by level × kind.
  heading(2, '1', 'Số lượng mô hình, điển hình tiên tiến trong danh sách');
  const countRows = figures.levels
    .map((l) => {
      const m = v(`models.level.${l.id}.end`, figures.counts.model.byLevel.find((c) => c.levelId === l.id)?.count ?? 0);
      const e = v(
        `exemplars.level.${l.id}.end`,
        figures.counts.exemplar.byLevel.find((c) => c.levelId === l.id)?.count ?? 0,
      );
      return { l, m, e };
    })
    .filter((r) => r.m + r.e > 0);
  const modelsEnd = v('models.end', figures.counts.model.total);
  const exemplarsEnd = v('exemplars.end', figures.counts.exemplar.total);
  for (const [k, total, key] of [
    ['model', modelsEnd, 'models.end'],
    ['exemplar', exemplarsEnd, 'exemplars.end'],
  ] as const) {
    breakdowns.push({
      label: `Số ${KIND_WORD[k]} trong danh sách theo cấp`,
      section: 'III.1',
      total,
      totalKey: key,
      parts: countRows.map((r) => ({ label: r.l.name, value: k === 'model' ? r.m : r.e })),
    });
  }
  const countTable: StatTable = {
    sheet: 'Số lượng theo cấp',
    caption: `Số lượng mô hình, điển hình tiên tiến trong danh sách đến ngày ${citeDate(figures.to)}`,
    headers: ['Cấp', 'Mô hình tập thể', 'Điển hình tiên tiến cá nhân', 'Cộng'],
    rows: [
      ...countRows.map((r) => [r.l.name, r.m, r.e, r.m + r.e]),
      ['Tổng cộng', modelsEnd, exemplarsEnd, modelsEnd + exemplarsEnd],
    ],
    totalRow: true,
  };
  tables.push(countTable);
  sentence('III.1', [registration('III.1')]);
  body.push({
    kind: 'table',
    caption: countTable.caption,
    headers: countTable.headers,
    rows: countTable.rows,
    totalRow: true,
  });

  // 2. Movement table per kind.
  heading(2, '2', 'Biến động danh sách trong kỳ');
  const MV: Array<keyof MovementRow> = [
    'start',
    'added',
    'movedIn',
    'movedOut',
    'removed',
    'transferred',
    'replaced',
    'end',
  ];
  const MV_HEAD = [
    'Đầu kỳ',
    'Bổ sung',
    'Chuyển cấp đến',
    'Chuyển cấp đi',
    'Đưa ra khỏi danh sách',
    'Chuyển đi',
    'Thay thế',
    'Cuối kỳ',
  ];
  for (const k of ['model', 'exemplar'] as const) {
    const mv = figures.movements[k];
    const total = Object.fromEntries(
      MV.map((b) => [b, v(`${KIND_KEY[k]}.movement.${b}`, mv.total[b])]),
    ) as unknown as MovementRow;
    const levelRows = mv.byLevel.map((r) => {
      const row = Object.fromEntries(
        MV.map((b) => [b, v(`${KIND_KEY[k]}.movement.level.${r.levelId}.${b}`, r[b])]),
      ) as unknown as MovementRow;
      movements.push({ label: `${KIND_WORD[k]} — ${lowerFirst(levelName(r.levelId))}`, section: 'III.2', ...row });
      return [levelName(r.levelId), ...MV.map((b) => row[b])];
    });
    movements.push({
      label: `Tổng số ${KIND_WORD[k]}`,
      section: 'III.2',
      ...total,
      startKey: `${KIND_KEY[k]}.start`,
      endKey: `${KIND_KEY[k]}.end`,
    });
    const label = k === 'model' ? 'mô hình tập thể' : 'điển hình tiên tiến cá nhân';
    const table: StatTable = {
      sheet: k === 'model' ? 'Biến động mô hình' : 'Biến động điển hình',
      caption: `Biến động ${label} từ ngày ${citeDate(figures.from)} đến ngày ${citeDate(figures.to)}`,
      headers: ['Cấp', ...MV_HEAD],
      rows: [...levelRows, ['Tổng cộng', ...MV.map((b) => total[b])]],
      totalRow: true,
    };
    tables.push(table);
    sentence('III.2', [
      `Về ${label}: đầu kỳ ${n(total.start)}, bổ sung ${n(total.added)}, đưa ra khỏi danh sách ${n(total.removed)}, chuyển đi ${n(total.transferred)}, thay thế ${n(total.replaced)}; cuối kỳ ${n(total.end)}.`,
    ]);
    body.push({ kind: 'table', caption: table.caption, headers: table.headers, rows: table.rows, totalRow: true });
  }

  // 3. Criteria met by field and level ("x/y").
  heading(2, '3', 'Số lượng mô hình, điển hình tiên tiến đáp ứng đủ các tiêu chí');
  const critRows: Array<Array<string | number>> = [];
  let critMet = 0;
  let critEvaluated = 0;
  for (const k of ['model', 'exemplar'] as const) {
    for (const l of figures.levels) {
      const rows = figures.criteria.filter((c) => c.kind === k && c.levelId === l.id && c.evaluated > 0);
      if (rows.length === 0) continue;
      const parts = rows.map((r) => ({
        r,
        met: v(`criteria.${k}.${l.id}.${r.fieldId}.met`, r.met),
        evaluated: v(`criteria.${k}.${l.id}.${r.fieldId}.evaluated`, r.evaluated),
      }));
      const met = v(
        `criteria.${k}.${l.id}.met`,
        rows.reduce((s, r) => s + r.met, 0),
      );
      const evaluated = v(
        `criteria.${k}.${l.id}.evaluated`,
        rows.reduce((s, r) => s + r.evaluated, 0),
      );
      breakdowns.push({
        label: `Số ${KIND_WORD[k]} ${lowerFirst(l.name)} đạt tiêu chí theo lĩnh vực`,
        section: 'III.3',
        total: met,
        totalKey: `criteria.${k}.${l.id}.met`,
        parts: parts.map((p) => ({ label: p.r.fieldName, value: p.met })),
      });
      breakdowns.push({
        label: `Số ${KIND_WORD[k]} ${lowerFirst(l.name)} đã đánh giá theo lĩnh vực`,
        section: 'III.3',
        total: evaluated,
        totalKey: `criteria.${k}.${l.id}.evaluated`,
        parts: parts.map((p) => ({ label: p.r.fieldName, value: p.evaluated })),
      });
      for (const p of parts)
        critRows.push([
          k === 'model' ? 'Mô hình' : 'Điển hình',
          l.name,
          p.r.fieldName,
          p.met,
          p.evaluated,
          `${p.met}/${p.evaluated}`,
        ]);
      critMet += met;
      critEvaluated += evaluated;
      if (!isGrassroots(l)) {
        sentence('III.3', [
          `${l.name}: ${n(met)}/${n(evaluated)} ${KIND_WORD[k]} đáp ứng đủ tiêu chí, gồm: ${parts.map((p) => `${p.r.fieldName} (${p.met}/${p.evaluated} ${KIND_WORD[k]})`).join('; ')}.`,
        ]);
      }
    }
  }
  const critTable: StatTable = {
    sheet: 'Đạt tiêu chí',
    caption: 'Mô hình, điển hình tiên tiến đáp ứng đủ các tiêu chí theo lĩnh vực và cấp',
    headers: ['Loại', 'Cấp', 'Lĩnh vực', 'Đạt tiêu chí', 'Đã đánh giá', 'Tỷ lệ'],
    rows: [...critRows, ['Tổng cộng', '', '', critMet, critEvaluated, `${critMet}/${critEvaluated}`]],
    totalRow: true,
  };
  tables.push(critTable);
  if (critRows.length === 0) sentence('III.3', ['Trong kỳ chưa có kết quả đánh giá được quyết định.']);
  else
    body.push({
      kind: 'table',
      caption: critTable.caption,
      headers: critTable.headers,
      rows: critTable.rows,
      totalRow: true,
    });

  // 4. Individual exemplars above grassroots, by name.
  heading(2, '4', 'Điển hình tiên tiến cá nhân đạt các tiêu chí');
  const upperExemplarRows = figures.criteria.filter(
    (c) => c.kind === 'exemplar' && !isGrassroots(levelById.get(c.levelId)),
  );
  const exMet = v(
    'exemplars.upper.met',
    upperExemplarRows.reduce((s, r) => s + r.met, 0),
  );
  const exEvaluated = v(
    'exemplars.upper.evaluated',
    upperExemplarRows.reduce((s, r) => s + r.evaluated, 0),
  );
  figs.push({ key: 'exemplars.upper.met', label: 'Số điển hình cá nhân đạt tiêu chí', value: exMet, section: 'III.4' });
  figs.push({
    key: 'exemplars.upper.met',
    label: 'Số điển hình cá nhân đạt tiêu chí (theo danh sách nêu tên)',
    value: figures.exemplarsMet.length,
    section: 'III.4',
  });
  const people = figures.exemplarsMet.map((p) => `${p.name}${p.position ? `, ${p.position}` : ''}, ${p.unitName}`);
  sentence('III.4', [
    `Có ${n(exMet)}/${n(exEvaluated)} đồng chí đạt các tiêu chí${people.length ? ` gồm: Đồng chí ${people.join('; ')}` : ''}.`,
  ]);
  tables.push({
    sheet: 'Điển hình đạt tiêu chí',
    caption: 'Điển hình tiên tiến cá nhân đạt các tiêu chí',
    headers: ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Cấp'],
    rows: [
      ...figures.exemplarsMet.map((p, i) => [i + 1, p.name, p.position ?? '', p.unitName, levelName(p.levelId)]),
      ['Tổng cộng', `${exMet}/${exEvaluated}`, '', '', ''],
    ],
    totalRow: true,
  });

  // 5. Grassroots models by field.
  heading(2, '5', 'Mô hình, điển hình tiên tiến cấp cơ sở');
  const grassModels = figures.criteria.filter((c) => c.kind === 'model' && isGrassroots(levelById.get(c.levelId)));
  const byField = new Map<number, { name: string; onList: number; met: number; evaluated: number }>();
  for (const r of grassModels) {
    const f = byField.get(r.fieldId) ?? { name: r.fieldName, onList: 0, met: 0, evaluated: 0 };
    f.onList += r.onList;
    f.met += r.met;
    f.evaluated += r.evaluated;
    byField.set(r.fieldId, f);
  }
  const fieldParts = [...byField].map(([id, f]) => ({
    ...f,
    met: v(`grassroots.field.${id}.met`, f.met),
    evaluated: v(`grassroots.field.${id}.evaluated`, f.evaluated),
    onList: v(`grassroots.field.${id}.onList`, f.onList),
  }));
  const grassTotal = v(
    'grassroots.models.onList',
    grassModels.reduce((s, r) => s + r.onList, 0),
  );
  const grassEvaluated = v(
    'grassroots.models.evaluated',
    grassModels.reduce((s, r) => s + r.evaluated, 0),
  );
  const grassMet = v(
    'grassroots.models.met',
    grassModels.reduce((s, r) => s + r.met, 0),
  );
  const grassExemplars = v(
    'grassroots.exemplars.onList',
    figures.criteria
      .filter((c) => c.kind === 'exemplar' && isGrassroots(levelById.get(c.levelId)))
      .reduce((s, r) => s + r.onList, 0),
  );
  for (const [label, measure, total, key] of [
    ['Mô hình tập thể cấp cơ sở trong danh sách theo lĩnh vực', 'onList', grassTotal, 'grassroots.models.onList'],
    ['Mô hình tập thể cấp cơ sở đã đánh giá theo lĩnh vực', 'evaluated', grassEvaluated, 'grassroots.models.evaluated'],
    ['Mô hình tập thể cấp cơ sở đạt tiêu chí theo lĩnh vực', 'met', grassMet, 'grassroots.models.met'],
  ] as const) {
    breakdowns.push({
      label,
      section: 'III.5',
      total,
      totalKey: key,
      parts: fieldParts.map((f) => ({ label: f.name, value: f[measure] })),
    });
  }
  // The grassroots count and the counts above it make the list's total (a grassroots figure typed as the whole list is caught).
  const grassLevel = figures.levels.find((l) => isGrassroots(l));
  if (grassLevel) {
    for (const [k, grass, total, key] of [
      ['model', grassTotal, modelsEnd, 'models.end'],
      ['exemplar', grassExemplars, exemplarsEnd, 'exemplars.end'],
    ] as const) {
      breakdowns.push({
        label: `Số ${KIND_WORD[k]} trong danh sách: các cấp trên cơ sở và cấp cơ sở`,
        section: 'III.5',
        total,
        totalKey: key,
        parts: [
          ...countRows
            .filter((r) => !isGrassroots(r.l))
            .map((r) => ({ label: r.l.name, value: k === 'model' ? r.m : r.e })),
          { label: grassLevel.name, value: grass },
        ],
      });
    }
  }
  const evaluatedPart =
    grassEvaluated > 0
      ? `; qua đánh giá ${n(grassEvaluated)} mô hình, có ${n(grassMet)} mô hình đạt các tiêu chí`
      : '; trong kỳ chưa có kết quả đánh giá';
  const fieldList = fieldParts.filter((f) => f.evaluated > 0).map((f) => `${f.name} (${f.met}/${f.evaluated} mô hình)`);
  sentence('III.5', [
    `Có ${n(grassTotal)} mô hình tập thể cấp cơ sở trong danh sách${evaluatedPart}${fieldList.length ? `, gồm: ${fieldList.join('; ')}` : ''}.`,
  ]);
  sentence('III.5', [`Các điển hình cá nhân cấp cơ sở trong danh sách: ${n(grassExemplars)} điển hình.`]);
  tables.push({
    sheet: 'Cấp cơ sở theo lĩnh vực',
    caption: 'Mô hình tập thể cấp cơ sở theo lĩnh vực',
    headers: ['Lĩnh vực', 'Trong danh sách', 'Đã đánh giá', 'Đạt tiêu chí', 'Tỷ lệ'],
    rows: [
      ...fieldParts.map((f) => [f.name, f.onList, f.evaluated, f.met, `${f.met}/${f.evaluated}`]),
      ['Tổng cộng', grassTotal, grassEvaluated, grassMet, `${grassMet}/${grassEvaluated}`],
    ],
    totalRow: true,
  });
  if (texts.results?.trim()) {
    heading(2, '6', 'Các kết quả khác');
    operatorText('results', 'III.6');
  }
}
