/**
 * Disclosure (công khai lấy ý kiến): the candidates published for comments, the public page by link and
 * its comments.
 * Shared by the server routes and the web app; the flow before it: honours-flow.ts.
 */
import { z } from '../zod-setup.ts';
import { ZHonourSubject } from './honours-flow.ts';
import { ZDate, ZId, ZPageQuery, ZRef, nullableId, optionalText, requiredText } from './shared.ts';

export const ZCreateDisclosureBody = z
  .object({
    roundId: ZId,
    title: requiredText('Tiêu đề công khai', 300),
    startsOn: ZDate,
    endsOn: ZDate,
    note: optionalText('Ghi chú', 2000),
    candidateIds: z.array(ZId).min(1, 'Chọn ít nhất một hồ sơ để công khai.').max(1000),
  })
  .refine((b) => b.endsOn >= b.startsOn, {
    message: 'Ngày kết thúc công khai phải sau hoặc bằng ngày bắt đầu.',
    path: ['endsOn'],
  });
export const ZPublicCandidate = z.object({
  id: z.number().int(),
  subject: ZHonourSubject,
  displayName: z.string(),
  position: z.string().nullable(),
  unitName: z.string(),
  awardName: z.string(),
  achievement: z.string(),
});
export const ZComment = z.object({
  id: z.number().int(),
  candidateId: z.number().int().nullable(),
  candidateName: z.string().nullable(),
  authorName: z.string().nullable(),
  contact: z.string().nullable(),
  content: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const ZDisclosure = z.object({
  id: z.number().int(),
  round: ZRef,
  unit: ZRef,
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string().nullable(),
  /** The public link path: /cong-khai/<token>. */
  publicPath: z.string(),
  state: z.enum(['upcoming', 'open', 'ended']),
  candidates: z.array(ZPublicCandidate),
  comments: z.array(ZComment),
  unreadComments: z.number().int(),
});
export const ZDisclosureListQuery = ZPageQuery.extend({ roundId: ZId.optional(), unitId: ZId.optional() });
export const ZDisclosureSummary = ZDisclosure.omit({ candidates: true, comments: true }).extend({
  candidateCount: z.number().int(),
  commentCount: z.number().int(),
});
export const ZPublicDisclosure = z.object({
  title: z.string(),
  unitName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string().nullable(),
  state: z.enum(['upcoming', 'open', 'ended']),
  candidates: z.array(ZPublicCandidate),
});
export const ZPublicCommentBody = z.object({
  candidateId: nullableId,
  authorName: optionalText('Họ tên người góp ý', 200),
  contact: optionalText('Địa chỉ liên hệ', 200),
  content: requiredText('Nội dung góp ý', 4000),
  /** Left empty by people; filled by robots (honeypot). */
  website: z.string().max(0, 'Không gửi được góp ý.').optional(),
});
