/**
 * The full catalogues: the base file plus one pair of files per area
 * (areas/<area>.vi.json and .en.json), so areas grow their strings without
 * touching each other's files. Keys must not repeat across files.
 */
import viBase from './vi.json';
import enBase from './en.json';
import viReporting from './areas/reporting.vi.json';
import enReporting from './areas/reporting.en.json';
import viNotifications from './areas/notifications.vi.json';
import enNotifications from './areas/notifications.en.json';
import viInspections from './areas/inspections.vi.json';
import enInspections from './areas/inspections.en.json';
import viEvaluation from './areas/evaluation.vi.json';
import enEvaluation from './areas/evaluation.en.json';
import viReviewReports from './areas/review-reports.vi.json';
import enReviewReports from './areas/review-reports.en.json';
import viHonours from './areas/honours.vi.json';
import enHonours from './areas/honours.en.json';
import viHonoursProposals from './areas/honours-proposals.vi.json';
import enHonoursProposals from './areas/honours-proposals.en.json';
import viHonoursCouncil from './areas/honours-council.vi.json';
import enHonoursCouncil from './areas/honours-council.en.json';
import viDashboards from './areas/dashboards.vi.json';
import enDashboards from './areas/dashboards.en.json';
import viRestructure from './areas/restructure.vi.json';
import enRestructure from './areas/restructure.en.json';

export const viParts = [
  viBase,
  viReporting,
  viNotifications,
  viInspections,
  viEvaluation,
  viReviewReports,
  viHonours,
  viHonoursProposals,
  viHonoursCouncil,
  viDashboards,
  viRestructure,
];
export const vi = {
  ...viBase,
  ...viReporting,
  ...viNotifications,
  ...viInspections,
  ...viEvaluation,
  ...viReviewReports,
  ...viHonours,
  ...viHonoursProposals,
  ...viHonoursCouncil,
  ...viDashboards,
  ...viRestructure,
};
export const en: Record<keyof typeof vi, string> = {
  ...enBase,
  ...enReporting,
  ...enNotifications,
  ...enInspections,
  ...enEvaluation,
  ...enReviewReports,
  ...enHonours,
  ...enHonoursProposals,
  ...enHonoursCouncil,
  ...enDashboards,
  ...enRestructure,
};
