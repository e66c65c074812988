import type {
  Assessment,
  FollowupStatus,
  InspectionKind,
  InspectionStatus,
  MemberRole,
} from '../../api/inspections.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

export const INSPECTION_KINDS: InspectionKind[] = ['inspection', 'supervision'];
export const INSPECTION_STATUSES: InspectionStatus[] = ['planned', 'in_progress', 'concluded'];
export const MEMBER_ROLES: MemberRole[] = ['lead', 'deputy', 'member', 'secretary'];
export const ASSESSMENTS: Assessment[] = ['met', 'partly_met', 'not_met', 'not_assessed'];

export const kindLabel = (k: InspectionKind) => t(`inspections.kind.${k}` as MessageKey);
export const statusLabel = (s: InspectionStatus) => t(`inspections.status.${s}` as MessageKey);
export const roleLabel = (r: MemberRole) => t(`inspections.role.${r}` as MessageKey);
export const assessmentLabel = (a: Assessment) => t(`inspections.assessment.${a}` as MessageKey);
export const followupStatusLabel = (s: FollowupStatus) => t(`inspections.followupStatus.${s}` as MessageKey);

export const STATUS_COLORS: Record<InspectionStatus, string> = {
  planned: 'default',
  in_progress: 'processing',
  concluded: 'green',
};
export const KIND_COLORS: Record<InspectionKind, string> = { inspection: 'purple', supervision: 'geekblue' };
export const ASSESSMENT_COLORS: Record<Assessment, string> = {
  met: 'green',
  partly_met: 'gold',
  not_met: 'red',
  not_assessed: 'default',
};
export const FOLLOWUP_COLORS: Record<FollowupStatus, string> = {
  open: 'processing',
  done: 'green',
  cancelled: 'default',
};
