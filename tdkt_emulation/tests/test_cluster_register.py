from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .cluster_common import TdktClusterCommon
from .pdf_tools import flat, pdf_pages, render_pdf

COVENANT_REPORT = "tdkt_emulation.action_report_tdkt_cluster_covenant"


@tagged("post_install", "-at_install")
class TestClusterRegister(TdktClusterCommon):
    """A cluster numbers its papers (covenant, minutes) in its own register
    of the year, under its code, apart from the agency's and from another
    cluster's the same agency keeps."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.second = (
            cls.env["tdkt.cluster"]
            .with_user(cls.office)
            .create(
                {
                    "name": "Cụm II - Các cơ quan quản lý chuyên ngành",
                    "code": "CII",
                    "organiser_id": cls.organiser.id,
                    "company_id": cls.company.id,
                    "member_ids": [
                        (0, 0, {"year": 2024, "partner_id": partner.id, "role": role})
                        for partner, role in (
                            (cls.company.partner_id, "head"),
                            (cls.outside_a, "deputy"),
                        )
                    ],
                }
            )
            .sudo()  # sudo: read as the system, acted on as users
        )

    def register_of(self, cluster):
        return self.env["tdkt.document.register"].search(
            [("cluster_id", "=", cluster.id)], order="code, number"
        )

    def test_own_register_per_cluster(self):
        # The agency's own register already holds numbers of its documents.
        plan = self.create_plan(2024)
        self.issue(plan)
        self.assertEqual(plan.number, 1)
        first = self.sign(self.create_covenant())
        second = self.sign(self.create_covenant(cluster_id=self.second.id))
        # Each cluster's first covenant of the year is its number 01.
        self.assertEqual(first.document_number, "01/GƯ-CTĐ")
        self.assertEqual(second.document_number, "01/GƯ-CII")
        self.assertEqual(
            [(r.code, r.year, r.number) for r in self.register_of(self.cluster)],
            [("GƯ", 2024, 1)],
        )
        self.assertEqual(self.register_of(self.second).res_id, second.id)
        # The agency's register is apart: its entries name no cluster.
        agency = self.env["tdkt.document.register"].search(
            [("company_id", "=", self.company.id), ("cluster_id", "=", False)]
        )
        self.assertEqual(agency.mapped("res_model"), ["tdkt.plan"])
        # Cross-inspection and vote minutes share the cluster's register of
        # minutes (BB): 01, then 02.
        inspection = (
            self.env["tdkt.cluster.inspection"]
            .with_user(self.office)
            .create(
                {
                    "covenant_id": first.id,
                    "team_member_ids": [(6, 0, self.m_deputy.ids)],
                    "inspected_member_ids": [(6, 0, self.m_a.ids)],
                }
            )
        )
        for score in first.score_ids.filtered(lambda s: s.member_id == self.m_a):
            score.with_user(self.other_office).cross_score = 0
        inspection.with_user(self.office).action_issue()
        self.assertEqual(inspection.document_number, "01/BB-CTĐ")
        first.with_user(self.office).score_ids.final_score = 1
        first.with_user(self.office).action_publish()
        honour = (
            self.env["tdkt.cluster.honour"]
            .with_user(self.office)
            .create({"covenant_id": first.id, "meeting_date": "2024-12-15"})
        )
        honour.with_user(self.office).action_fill_from_ranking()
        honour.with_user(self.office).action_issue()
        self.assertEqual(honour.document_number, "02/BB-CTĐ")
        # The printout carries the cluster's number.
        text = flat(" ".join(pdf_pages(render_pdf(self.env, COVENANT_REPORT, first))))
        self.assertInOrder(text, ["CỤM THI ĐUA SỐ IV", "Số: 01/GƯ-CTĐ", "GIAO ƯỚC"])

    def test_number_typed_by_hand(self):
        first = self.create_covenant(number=7)
        # Another cluster of the same agency may hold the same number.
        second = self.create_covenant(cluster_id=self.second.id, number=7)
        self.assertEqual(second.document_number, "07/GƯ-CII")
        self.sign(first)
        self.assertEqual(first.document_number, "07/GƯ-CTĐ")
        # Within the cluster's register of the year a number is held once.
        Inspection = self.env["tdkt.cluster.inspection"].with_user(self.office)
        Inspection.create({"covenant_id": first.id, "number": 3})
        with self.assertRaisesRegex(ValidationError, "already used"):
            Inspection.create({"covenant_id": first.id, "number": 3})
