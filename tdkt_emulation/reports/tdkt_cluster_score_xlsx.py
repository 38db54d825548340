from odoo import models

from .tdkt_plan_task_xlsx import _styles, _write_header

ROLE_LABELS = {"head": "Cụm trưởng", "deputy": "Cụm phó", "member": "Thành viên"}
KIND_LABELS = {"normal": "", "bonus": "Điểm thưởng", "penalty": "Điểm trừ"}
DETAIL_COLUMNS = [
    ("Đơn vị", 34),
    ("STT", 7),
    ("Tiêu chí", 60),
    ("Loại", 12),
    ("Điểm tối đa", 10),
    ("Tự chấm", 10),
    ("Kiểm tra chéo", 10),
    ("Điểm Cụm chấm", 10),
    ("Chênh lệch", 10),
    ("Giải trình chênh lệch", 40),
]
RANKING_COLUMNS = [
    ("Xếp hạng", 9),
    ("Đơn vị", 40),
    ("Vai trò", 14),
    ("Tổng tự chấm", 12),
    ("Tổng kiểm tra chéo", 12),
    ("Tổng điểm Cụm chấm", 12),
]


class ReportTdktClusterScoreXlsx(models.AbstractModel):
    """The scoring table of each selected covenant (criterion x member,
    final scores), the scores side by side, and the ranking. Each user
    gets the scores the record rules let them see."""

    _name = "report.tdkt_emulation.report_tdkt_cluster_score_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Covenant Scores and Ranking (XLSX)"

    def generate_xlsx_report(self, workbook, data, covenants):
        covenants.check_access("read")
        styles = _styles(workbook)
        for covenant in covenants:
            scores = self.env["tdkt.cluster.score"].search(
                [("covenant_id", "=", covenant.id)]
            )
            scores.fetch(
                [
                    "member_id",
                    "criterion_id",
                    "kind",
                    "self_score",
                    "cross_score",
                    "final_score",
                    "self_entered",
                    "cross_entered",
                    "final_entered",
                    "gap",
                    "gap_note",
                ]
            )
            rows = covenant._tdkt_print_criteria()
            members = covenant.member_ids.filtered(lambda m, s=scores: m in s.member_id)
            prefix = f"{covenant.cluster_id.code or ''} {covenant.year}"
            self._write_table(workbook, styles, prefix, rows, members, scores)
            self._write_details(workbook, styles, prefix, rows, members, scores)
            self._write_ranking(workbook, styles, prefix, covenant, members)

    def _write_table(self, workbook, styles, prefix, rows, members, scores):
        sheet = workbook.add_worksheet(f"Bảng điểm {prefix}"[:31])
        columns = [("STT", 7), ("Tiêu chí", 60), ("Điểm tối đa", 10)] + [
            (member.partner_id.name or "", 16) for member in members
        ]
        _write_header(sheet, styles, columns)
        by_key = {(s.member_id.id, s.criterion_id.id): s for s in scores}
        for row, (number, criterion, is_group) in enumerate(rows, start=1):
            text = styles["bold"] if is_group else styles["text"]
            sheet.write_string(row, 0, number, styles["center"])
            label = criterion.name or ""
            if KIND_LABELS[criterion.kind]:
                label = f"{label} ({KIND_LABELS[criterion.kind]})"
            sheet.write_string(row, 1, label, text)
            sheet.write_number(row, 2, criterion.max_points, styles["number"])
            for col, member in enumerate(members, start=3):
                score = by_key.get((member.id, criterion.id))
                if score and score.final_entered:
                    sheet.write_number(row, col, score.final_score, styles["number"])
                else:
                    sheet.write_blank(row, col, None, styles["number"])
        total_row = len(rows) + 1
        sheet.write_string(total_row, 1, "Tổng điểm", styles["bold"])
        totals = scores._tdkt_totals()
        for col, member in enumerate(members, start=3):
            sheet.write_number(
                total_row,
                col,
                totals.get(member.id, {}).get("final", 0.0),
                styles["bold_number"],
            )

    def _write_details(self, workbook, styles, prefix, rows, members, scores):
        sheet = workbook.add_worksheet(f"Chi tiết {prefix}"[:31])
        _write_header(sheet, styles, DETAIL_COLUMNS)
        numbers = {criterion.id: number for number, criterion, _group in rows}
        row = 0
        for member in members:
            for score in scores.filtered(lambda s, m=member: s.member_id == m):
                row += 1
                criterion = score.criterion_id
                sheet.write_string(row, 0, member.partner_id.name or "", styles["text"])
                sheet.write_string(
                    row, 1, numbers.get(criterion.id, ""), styles["center"]
                )
                sheet.write_string(row, 2, criterion.name or "", styles["text"])
                sheet.write_string(row, 3, KIND_LABELS[score.kind], styles["text"])
                sheet.write_number(row, 4, criterion.max_points, styles["number"])
                for col, (value, entered) in enumerate(
                    (
                        (score.self_score, score.self_entered),
                        (score.cross_score, score.cross_entered),
                        (score.final_score, score.final_entered),
                    ),
                    start=5,
                ):
                    if entered:
                        sheet.write_number(row, col, value, styles["number"])
                    else:
                        sheet.write_blank(row, col, None, styles["number"])
                sheet.write_number(row, 8, score.gap, styles["number"])
                sheet.write_string(row, 9, score.gap_note or "", styles["text"])
        sheet.autofilter(0, 0, max(row, 1), len(DETAIL_COLUMNS) - 1)

    def _write_ranking(self, workbook, styles, prefix, covenant, members):
        sheet = workbook.add_worksheet(f"Xếp hạng {prefix}"[:31])
        _write_header(sheet, styles, RANKING_COLUMNS)
        ranking = [
            (rank, member)
            for rank, member, _total in covenant._tdkt_ranking()
            if member in members
        ]
        for row, (rank, member) in enumerate(ranking, start=1):
            sheet.write_number(row, 0, rank, styles["center"])
            sheet.write_string(row, 1, member.partner_id.name or "", styles["text"])
            sheet.write_string(row, 2, ROLE_LABELS[member.role], styles["text"])
            sheet.write_number(row, 3, member.self_total, styles["number"])
            sheet.write_number(row, 4, member.cross_total, styles["number"])
            sheet.write_number(row, 5, member.final_total, styles["bold_number"])
