import importlib.util
from pathlib import Path

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from . import test_cluster_honour
from .pdf_tools import flat, pdf_pages, render_pdf
from .test_cluster_honour import HONOUR_REPORT

MIGRATION = "migrations/18.0.1.3.0/post-20-leftovers.py"


@tagged("post_install", "-at_install")
# Through the module: the parent class imported by name would run here again.
class TestClusterHonourOrganiser(test_cluster_honour.TestClusterHonour):
    """The cluster's organiser is an agency of this Odoo (the third agency,
    as an inspectorate organises its sector's clusters): the vote becomes
    its award proposals, which its Office handles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.organiser_company = cls.third_company
        cls.cluster.organiser_id = cls.organiser_company.partner_id

    def proposals_of(self, honour):
        return self.env["tdkt.award.proposal"].search(
            [("cluster_honour_id", "=", honour.id)], order="id"
        )

    def signed_honour(self):
        self.publish()
        honour = self.create_honour()
        honour.with_user(self.office).action_fill_from_ranking()
        honour.with_user(self.office).action_issue()
        return honour

    # The parent's tests on the cluster's own lines are for an outside organiser.
    def test_vote_and_proposals(self):
        self.publish()
        honour = self.create_honour()
        self.assertEqual(honour.organiser_company_id, self.organiser_company)
        honour.with_user(self.office).action_fill_from_ranking()
        self.assertEqual(honour.result_ids.mapped("position"), [1, 2, 3])
        # No line of the cluster: the proposals are the organiser's.
        self.assertFalse(honour.proposal_ids)
        self.assertFalse(self.proposals_of(honour))
        with self.assertRaisesRegex(ValidationError, "is an agency of this system"):
            self.env["tdkt.cluster.proposal"].with_user(self.office).create(
                {
                    "honour_id": honour.id,
                    "member_id": self.m_a.id,
                    "award_type_id": self.flag.id,
                }
            )
        # The members honour the second by points first.
        first, second = honour.result_ids[:2]
        for line, position in ((first, 9), (second, 1), (first, 2)):
            line.with_user(self.office).position = position
            self.env.flush_all()
        # The head agency's Office signs the minutes: the result becomes the
        # organiser's proposals, one dossier per member agency.
        honour.with_user(self.office).action_issue()
        proposals = self.proposals_of(honour)
        self.assertEqual(
            [(p.nominee_name, p.award_type_id, p.state) for p in proposals],
            [
                ("Thanh tra tỉnh Thử nghiệm", self.flag, "draft"),
                ("Thanh tra tỉnh Cao Bằng", self.merit, "draft"),
                ("Thanh tra tỉnh Lào Cai", self.merit, "draft"),
            ],
        )
        self.assertEqual(proposals.company_id, self.organiser_company)
        self.assertEqual(set(proposals.mapped("year")), {2024})
        self.assertEqual(set(proposals.nominee_unit_id.mapped("unit_type")), {"agency"})
        self.assertEqual(proposals.nominee_unit_id.company_id, self.organiser_company)
        self.assertEqual(proposals.dossier_id.unit_id, proposals.nominee_unit_id)
        self.assertEqual(len(proposals.dossier_id), 3)
        # The head agency is an agency of this Odoo: its unit names its company.
        self.assertEqual(proposals[0].nominee_unit_id.agency_id, self.company)
        self.assertIn("Thứ nhất (90 điểm)", proposals[0].achievement_summary)
        self.assertEqual(honour.award_proposal_ids, proposals)
        # Signing twice (cancel, reset, sign) makes no second proposal.
        units = proposals.nominee_unit_id
        self.cancel_with_reason(honour.with_user(self.office))
        self.assertFalse(self.proposals_of(honour))
        honour.with_user(self.office).action_reset_to_draft()
        honour.with_user(self.office).action_issue()
        again = self.proposals_of(honour)
        self.assertEqual(len(again), 3)
        # The units were found again, not made twice.
        self.assertEqual(again.nominee_unit_id, units)

    def test_rights(self):
        honour = self.signed_honour()
        proposals = self.proposals_of(honour)
        # The organiser's Office manages the proposals like its own.
        mine = self.env["tdkt.award.proposal"].with_user(self.third_office)
        self.assertEqual(
            mine.search([("cluster_honour_id", "=", honour.id)]), proposals
        )
        proposals[0].with_user(self.third_office).achievement_summary = "Dẫn đầu Cụm."
        proposals[2].with_user(self.third_office).unlink()
        # The head agency's and a member's users ran the vote, not the
        # organiser's proposals: they neither read nor change them.
        for user in (self.office, self.other_office, self.other_staff, self.staff):
            self.assertFalse(
                self.env["tdkt.award.proposal"]
                .with_user(user)
                .search([("cluster_honour_id", "=", honour.id)])
            )
            with self.assertRaises(AccessError):
                proposals[0].with_user(user).write({"achievement_summary": "Sửa"})
        # Nobody links a proposal to a vote by hand, whatever the context.
        with self.assertRaises(AccessError):
            proposals[0].with_user(self.third_office).with_context(
                tdkt_system=True
            ).write({"cluster_honour_id": False})
        # Only the cluster's managers sign or cancel the minutes.
        with self.assertRaises(AccessError):
            honour.with_user(self.third_office).action_cancel()

    def test_organiser_already_handles(self):
        honour = self.signed_honour()
        proposal = self.proposals_of(honour)[0]
        # The organiser's council took it up: the vote can no longer change
        # under it.
        proposal.dossier_id.sudo().write({"state": "submitted"})
        with self.assertRaisesRegex(UserError, "already handles the proposal"):
            self.cancel_with_reason(honour.with_user(self.office))
        self.assertEqual(honour.state, "issued")
        self.assertEqual(len(self.proposals_of(honour)), 3)

    def test_printout(self):
        honour = self.signed_honour()
        text = flat(" ".join(pdf_pages(render_pdf(self.env, HONOUR_REPORT, honour))))
        self.assertInOrder(
            text,
            [
                "BIÊN BẢN HỌP BÌNH XÉT, SUY TÔN",
                "II. KẾT QUẢ SUY TÔN",
                "Thứ nhất: Thanh tra tỉnh Cao Bằng.",
                "III. ĐỀ NGHỊ KHEN THƯỞNG",
                "1 Thanh tra tỉnh Cao Bằng Cờ thi đua của Thanh tra Chính phủ",
                "2 Thanh tra tỉnh Thử nghiệm",
                "3 Thanh tra tỉnh Lào Cai",
                "CHỦ TRÌ",
            ],
        )

    def test_migration_moves_lines(self):
        # Lines made while the organiser was outside this Odoo, one decided.
        self.cluster.organiser_id = self.organiser
        honour = self.signed_honour()
        self.assertEqual(len(honour.proposal_ids), 3)
        honour.proposal_ids[2].with_user(self.office).action_cut()
        self.cluster.organiser_id = self.organiser_company.partner_id
        spec = importlib.util.spec_from_file_location(
            "tdkt_mig_leftovers", Path(__file__).parents[1] / MIGRATION
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.2.0")
        honour.invalidate_recordset()
        self.assertFalse(honour.proposal_ids)
        proposals = self.proposals_of(honour)
        self.assertEqual(
            [(p.nominee_name, p.award_type_id, p.state) for p in proposals],
            [
                ("Thanh tra tỉnh Cao Bằng", self.flag, "draft"),
                ("Thanh tra tỉnh Thử nghiệm", self.merit, "draft"),
                ("Thanh tra tỉnh Lào Cai", self.merit, "rejected"),
            ],
        )
        self.assertEqual(proposals.company_id, self.organiser_company)
