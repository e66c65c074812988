/**
 * The honours routes' list responses that routes.ts declares inline (ZPage(...), an object with items), named once
 * so tests read them through the same schemas as the routes do.
 */
import { ZAwardForm } from '../../common/schemas/honours.ts';
import { ZCouncilSummary } from '../../common/schemas/honours-council.ts';
import { ZHonour } from '../../common/schemas/honours-decisions.ts';
import { ZDisclosureSummary } from '../../common/schemas/honours-disclosure.ts';
import { ZProposalSummary, ZQueueCandidate, ZRound } from '../../common/schemas/honours-flow.ts';
import { ZFunnelRow } from '../../common/schemas/honours-funnel.ts';
import { ZPage } from '../../common/schemas/shared.ts';
import { z } from '../../common/zod-setup.ts';

/** GET /honours/award-forms */
export const ZAwardFormList = z.object({ items: z.array(ZAwardForm), onDate: z.string() });
/** GET /honours/council-sessions */
export const ZCouncilPage = ZPage(ZCouncilSummary);
/** GET /honours and GET /people/:id/honours */
export const ZHonourPage = ZPage(ZHonour);
/** GET /honours/disclosures */
export const ZDisclosurePage = ZPage(ZDisclosureSummary);
/** GET /honours/rounds */
export const ZRoundPage = ZPage(ZRound);
/** GET /honours/proposals */
export const ZProposalSummaryPage = ZPage(ZProposalSummary);
/** GET /honours/review-queue */
export const ZQueueCandidatePage = ZPage(ZQueueCandidate);
/** GET /honours/funnel/list */
export const ZFunnelPage = ZPage(ZFunnelRow);
