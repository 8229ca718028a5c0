// The words an exported file carries for a deck signed off (定稿) and unchanged since: the PDF's properties and the
// handout's last page, the PPTX's core properties. One line, in Chinese (the files are the office's documents).
import type { Approval } from './model.ts';

const two = (n: number) => String(n).padStart(2, '0');

/** “定稿：王主任，2026-11-30 20:01；内容 SHA-256：…。此为如实记录，不是密码学签名。” (local time of this computer) */
export function approvalRecord(a: Pick<Approval, 'approver' | 'approvedAt' | 'sha256'>): string {
  const d = new Date(a.approvedAt);
  const when = Number.isNaN(d.getTime()) ? a.approvedAt : `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
  return `定稿：${a.approver}，${when}；内容 SHA-256：${a.sha256}。此为如实记录，不是密码学签名。`;
}
