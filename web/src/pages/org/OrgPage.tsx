/** Cơ cấu tổ chức: the tree as of a date, the selected unit's detail and history, and restructuring forms. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Col, Row, Space, Typography } from 'antd';
import { useMe } from '../../auth/me.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { orgApi } from '../../api/org.ts';
import { formatDateVi, today } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { OrgStatsCard } from './components/OrgStatsCard.tsx';
import { OrgTreeCard } from './components/OrgTreeCard.tsx';
import { UnitDetailPanel } from './components/UnitDetailPanel.tsx';
import { UnitModals, type OpenAction } from './components/UnitModals.tsx';
import { useOrgParams } from './hooks/use-org-params.ts';
import { useInvalidateOrg, useLevels, useUnitTypes } from '../../api/org.ts';
import { useOrgTree } from './hooks/use-org-tree.ts';

export default function OrgPage() {
  const me = useMe();
  const isPhone = useIsPhone();
  const { selectedId, asOf, isToday, update } = useOrgParams();
  const tree = useOrgTree(asOf);
  const invalidate = useInvalidateOrg();
  const [open, setOpen] = useState<OpenAction>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  // Catalogues are needed by every form: load them with the page.
  useUnitTypes();
  useLevels();

  // Nothing chosen yet: show the first top unit.
  const firstTop = tree.children.root?.items[0]?.id;
  useEffect(() => {
    if (!selectedId && firstTop) update({ selectedId: firstTop });
  }, [selectedId, firstTop, update]);

  const select = (id: number) => {
    update({ selectedId: id });
    if (isPhone) window.setTimeout(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  };

  /** Open the tree down to a unit and scroll it into view. */
  const { reveal: revealAncestors } = tree;
  const revealInTree = useCallback(
    async (id: number) => {
      try {
        const detail = await orgApi.unit(id, asOf);
        await revealAncestors(detail.ancestors.map((a) => a.id));
        window.setTimeout(
          () =>
            document
              .querySelector(`[data-testid="org-tree-node"][data-unit-id="${id}"]`)
              ?.scrollIntoView({ block: 'nearest' }),
          100,
        );
      } catch {
        // the detail panel shows why the unit cannot be shown
      }
    },
    [asOf, revealAncestors],
  );

  /** Select a unit and open the tree down to it. */
  const reveal = async (id: number) => {
    select(id);
    await revealInTree(id);
  };

  // A link (?don-vi=…) or a new date: once the top of the tree is loaded, open it down to the selected unit.
  const revealedFor = useRef<string | null>(null);
  useEffect(() => {
    if (tree.rootLoading || !selectedId || revealedFor.current === asOf) return;
    revealedFor.current = asOf;
    void revealInTree(selectedId);
  }, [tree.rootLoading, asOf, selectedId, revealInTree]);

  const afterChange = async (showId: number | null) => {
    await Promise.all([invalidate(), tree.reload()]);
    if (showId) await reveal(showId);
  };

  return (
    <div className={isPhone ? 'dh-phone' : undefined}>
      <PageHeader
        title={t('org.title')}
        extra={
          <Space wrap>
            <Typography.Text type="secondary">{t('org.asOf')}</Typography.Text>
            <IsoDatePicker
              value={asOf}
              allowClear={false}
              onChange={(value) => update({ asOf: value ?? today() })}
              style={{ width: 150 }}
              data-testid="org-as-of"
            />
          </Space>
        }
      />
      {!isToday && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="org-past-banner"
          title={t('org.pastBanner', { date: formatDateVi(asOf) })}
          action={
            <Button size="small" onClick={() => update({ asOf: null })} data-testid="org-as-of-today">
              {t('org.backToToday')}
            </Button>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xl={8}>
          <OrgTreeCard
            tree={tree}
            asOf={asOf}
            selectedId={selectedId}
            onSelect={select}
            onPickFromSearch={(id) => void reveal(id)}
            onAddRoot={
              me.isSystemAdmin && me.abilities['org.write'] && isToday
                ? () => setOpen({ action: 'root', unit: null })
                : undefined
            }
          />
        </Col>
        <Col xs={24} lg={15} xl={16}>
          <div ref={detailRef}>
            <UnitDetailPanel
              unitId={selectedId}
              asOf={asOf}
              isToday={isToday}
              canWrite={me.abilities['org.write']}
              onSelect={(id) => void reveal(id)}
              onAction={(action, unit) => setOpen({ action, unit })}
            />
          </div>
        </Col>
        <Col xs={24}>
          <OrgStatsCard rootId={null} asOf={asOf} />
        </Col>
      </Row>
      <UnitModals open={open} onClose={() => setOpen(null)} onChanged={(id) => void afterChange(id)} />
    </div>
  );
}
