from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .pdf_tools import flat, pdf_pages, render_pdf
from .submission_common import TdktSubmissionCommon

SUBMISSION_PDF = "tdkt_emulation.action_report_tdkt_award_submission"


@tagged("post_install", "-at_install")
@freeze_time("2025-01-10")
class TestAwardSubmission(TdktSubmissionCommon):
    """The Office prepares the submission upward from a closed council
    session, the Chief issues it (the proposals are forwarded), the Office
    records the higher level's decision (the proposals it names are
    conferred)."""

    def setUp(self):
        super().setUp()
        self.closed = self.closed_session()
        self.dossier_2024 = self.dossier()
        self.cstd = self.approved(
            self.closed,
            self.dossier_2024,
            self.cstd_tinh,
            self.head_employee,
            performance_rating="htxs",
        )
        self.bk_person = self.approved(
            self.closed, self.dossier_2024, self.bang_khen_cn, self.staff_employee
        )
        self.bk_unit = self.approved(self.closed, self.dossier_2024, self.bang_khen_tt)
        # Within the Chief's own authority: decided here, never submitted.
        self.own = self.approved(
            self.closed, self.dossier_2024, self.ldtt, self.staff_employee
        )

    def prepared(self, **vals):
        submission = self.submission(self.closed, **vals)
        submission.with_user(self.office).action_take_proposals()
        return submission

    def issued(self, **vals):
        submission = self.prepared(**vals)
        submission.with_user(self.office).action_submit()
        submission.with_user(self.chief).action_issue()
        return submission

    # --- the journey --------------------------------------------------------------
    def test_prepare_issue_and_record_the_higher_decision(self):
        submission = self.prepared()
        self.assertEqual(
            submission.line_ids.proposal_id, self.cstd | self.bk_person | self.bk_unit
        )
        self.assertEqual(
            (submission.collective_count, submission.individual_count), (1, 2)
        )
        self.assertEqual(
            submission.addressee_lines,
            "Ủy ban nhân dân tỉnh Lạng Sơn\n"
            "Sở Nội vụ tỉnh Lạng Sơn (Ban Thi đua - Khen thưởng)",
        )
        self.assertEqual(
            submission.higher_decision_issuer, "Chủ tịch UBND tỉnh Lạng Sơn"
        )
        # Taking again adds nothing twice.
        with self.assertRaisesRegex(UserError, "not already in a submission"):
            submission.with_user(self.office).action_take_proposals()
        # The Office prepares, only the Chief issues.
        submission.with_user(self.office).action_submit()
        with self.assertRaises(AccessError):
            submission.with_user(self.office).action_issue()
        submission.with_user(self.chief).action_issue()
        self.assertEqual(submission.state, "issued")
        self.assertEqual(submission.document_number, "01/TTr-TTr")
        self.assertEqual(submission.issue_date, date(2025, 1, 10))
        self.assertEqual(
            set((self.cstd | self.bk_person | self.bk_unit).mapped("state")),
            {"forwarded"},
        )
        self.assertEqual(self.own.state, "approved")
        # Issued: the submission and its lines are locked.
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            submission.with_user(self.chief).write({"name": "Khác"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            submission.line_ids[:1].with_user(self.chief).unlink()
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            submission.line_ids[:1].with_user(self.chief).write({"sequence": 99})
        # The higher level confers two of the three.
        cut = submission.line_ids.filtered(lambda l: l.proposal_id == self.bk_person)
        cut.with_user(self.office).write(
            {"higher_conferred": False, "higher_note": "Chưa đủ thời gian"}
        )
        with self.assertRaisesRegex(UserError, "number, the date and the issuer"):
            submission.with_user(self.office).action_record_decision()
        submission.with_user(self.office).write(
            {
                "higher_decision_number": "120/QĐ-UBND",
                "higher_decision_date": date(2025, 3, 1),
            }
        )
        submission.with_user(self.office).action_record_decision()
        self.assertEqual(submission.state, "decided")
        self.assertEqual(self.cstd.state, "conferred")
        self.assertEqual(self.bk_unit.state, "conferred")
        self.assertEqual(self.bk_person.state, "forwarded")
        records = self.env["tdkt.award.record"].search(
            [("proposal_id", "in", submission.line_ids.proposal_id.ids)]
        )
        self.assertEqual(records.proposal_id, self.cstd | self.bk_unit)
        self.assertEqual(set(records.mapped("issuer_level")), {"higher"})
        self.assertEqual(set(records.mapped("decision_number")), {"120/QĐ-UBND"})
        self.assertEqual(set(records.mapped("issuer")), {"Chủ tịch UBND tỉnh Lạng Sơn"})
        self.assertIn("Chưa đủ thời gian", self.bk_person.message_ids[0].body)
        # Recorded once: nothing changes afterwards.
        with self.assertRaisesRegex(UserError, "not"):
            submission.with_user(self.office).write(
                {"higher_decision_number": "1/QĐ-UBND"}
            )
        with self.assertRaisesRegex(UserError, "not"):
            cut.with_user(self.office).write({"higher_conferred": True})
        with self.assertRaises(UserError):
            submission.with_user(self.office).action_record_decision()

    def test_printout(self):
        submission = self.issued()
        pdf = render_pdf(
            self.env["ir.actions.report"].with_user(self.staff).env,
            SUBMISSION_PDF,
            submission,
        )
        pages = pdf_pages(pdf)
        text = flat(" ".join(pages))
        self.assertInOrder(
            text,
            [
                "UBND TỈNH THỬ NGHIỆM",
                "THANH TRA TỈNH",
                "Số: 01/TTr-TTr",
                "Lạng Sơn, ngày 10 tháng 01 năm 2025",
                "TỜ TRÌNH",
                "Về việc đề nghị khen thưởng năm 2024",
                "Kính gửi:",
                "- Ủy ban nhân dân tỉnh Lạng Sơn;",
                "- Sở Nội vụ tỉnh Lạng Sơn (Ban Thi đua - Khen thưởng).",
                "Căn cứ Luật Thi đua, Khen thưởng năm 2022; Nghị định số 98/2023/NĐ-",
                (
                    "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Thanh tra "
                    "tỉnh ngày 20/12/2024."
                ),
                (
                    "Thanh tra tỉnh kính đề nghị Ủy ban nhân dân tỉnh Lạng Sơn xem "
                    "xét, khen thưởng cho 1 tập thể và 2 cá nhân"
                ),
                "- Chiến sĩ thi đua Bộ, ban, ngành, tỉnh: 1 cá nhân;",
                "cá nhân: 1 cá nhân;",
                "tập thể: 1 tập thể;",
                "(Có danh sách kèm theo)",
                "xem xét, quyết định./.",
                "Nơi nhận:",
                "- Như trên",
                "CHÁNH THANH TRA",
                "Đậu Trường An",
                "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
                "(Kèm theo Tờ trình số 01/TTr-TTr ngày 10/01/2025 của Thanh tra tỉnh)",
                "I. Cá nhân",
                "1 Chiến sĩ thi đua Bộ, ban, ngành, tỉnh (1)",
                "1.1 Hoàng Văn Trưởng Chánh Văn phòng; Văn phòng Thanh tra tỉnh",
                "2 Bằng khen của Bộ, ban, ngành, tỉnh",
                "2.1 t_staff",
                "II. Tập thể",
                "1 Bằng khen của Bộ, ban, ngành, tỉnh",
                "1.1 Văn phòng Thanh tra tỉnh Thanh tra tỉnh",
            ],
        )
        # The list starts on its own page, after the signature.
        self.assertNotIn("DANH SÁCH", pages[0])

    def test_addressees_by_kind(self):
        submission = self.submission(self.closed, addressee_kind="inspectorate")
        self.assertEqual(
            submission._tdkt_print_addressees(),
            ["Thanh tra Chính phủ", "Vụ Tổ chức cán bộ, Thanh tra Chính phủ"],
        )
        self.assertEqual(submission.higher_decision_issuer, "Tổng Thanh tra Chính phủ")
        cluster = self.env["tdkt.cluster"].create(
            {
                "name": "Cụm thi đua số II tỉnh Lạng Sơn",
                "company_id": self.company.id,
                "organiser_id": self.env["res.partner"]
                .create({"name": "UBND tỉnh Lạng Sơn", "is_company": True})
                .id,
            }
        )
        submission.with_user(self.office).write(
            {"addressee_kind": "cluster", "cluster_id": cluster.id}
        )
        self.assertEqual(
            submission._tdkt_print_addressees(), ["Cụm thi đua số II tỉnh Lạng Sơn"]
        )
        # Free lines: the Office writes its own.
        submission.with_user(self.office).write(
            {"addressee_lines": "Trưởng Cụm thi đua số II\n\nHội đồng TĐKT tỉnh"}
        )
        self.assertEqual(
            submission._tdkt_print_addressees(),
            ["Trưởng Cụm thi đua số II", "Hội đồng TĐKT tỉnh"],
        )

    def test_sector_awards_go_to_the_inspectorate(self):
        session = self.closed_session(place="Phòng họp 2")
        self.approved(
            session,
            self.dossier(unit=self.unit_div1, user=self.office),
            self.bang_khen_ttcp_cn,
            self.head_div_employee,
            user=self.office,
        )
        submission = self.submission(session)
        submission.with_user(self.office).action_take_proposals()
        self.assertEqual(submission.addressee_kind, "inspectorate")

    # --- bad input ----------------------------------------------------------------
    def test_no_closed_session_no_submission(self):
        submission = self.submission()
        with self.assertRaisesRegex(UserError, "council session"):
            submission.with_user(self.office).action_take_proposals()
        open_session = self.session()
        submission.with_user(self.office).write({"council_session_id": open_session.id})
        with self.assertRaisesRegex(UserError, "once closed"):
            submission.with_user(self.office).action_take_proposals()
        with self.assertRaisesRegex(UserError, "once closed"):
            submission.with_user(self.chief).action_issue()
        self.assertEqual(submission.state, "draft")

    def test_nothing_to_submit_and_no_signer(self):
        submission = self.submission(self.closed, signer_id=False)
        with self.assertRaisesRegex(UserError, "no signer"):
            submission.with_user(self.chief).action_issue()
        submission.with_user(self.office).write({"signer_id": self.chief_employee.id})
        with self.assertRaisesRegex(UserError, "proposes nothing"):
            submission.with_user(self.chief).action_issue()
        submission.with_user(self.office).write({"addressee_lines": False})
        submission.with_user(self.office).action_take_proposals()
        with self.assertRaisesRegex(UserError, "Kính gửi"):
            submission.with_user(self.chief).action_issue()
        self.assertEqual(submission.state, "draft")
        self.assertFalse(submission.number)

    def test_lines_refused(self):
        submission = self.submission(self.closed)
        Line = self.env["tdkt.award.submission.line"].with_user(self.office)

        def add(proposal):
            return Line.create(
                {"submission_id": submission.id, "proposal_id": proposal.id}
            )

        with self.assertRaisesRegex(UserError, "art. 80"):
            add(self.own)
        div_dossier = self.dossier(unit=self.unit_div1, user=self.office)
        council = self.propose(
            div_dossier, self.cstd_tinh, self.head_div_employee, user=self.office
        )
        with self.assertRaisesRegex(UserError, "only proposals the council approved"):
            add(council)
        elsewhere = self.approved(
            self.session(),
            div_dossier,
            self.bang_khen_cn,
            self.head_div_employee,
            user=self.office,
        )
        with self.assertRaisesRegex(UserError, "not approved at the council session"):
            add(elsewhere)
        add(self.cstd)
        other = self.submission(self.closed)
        with self.assertRaisesRegex(UserError, "already in a submission"):
            Line.create({"submission_id": other.id, "proposal_id": self.cstd.id})
        self.assertEqual(submission.line_ids.proposal_id, self.cstd)
        # A cancelled submission frees its proposals.
        submission.with_user(self.office).action_cancel()
        Line.create({"submission_id": other.id, "proposal_id": self.cstd.id})

    def test_a_proposal_changed_before_the_issue_is_refused(self):
        submission = self.prepared()
        # sudo: the proposal changes state meanwhile (returned by the Office,
        # outside this journey).
        self.bk_person.sudo().write({"state": "returned"})
        with self.assertRaisesRegex(UserError, "only proposals the council approved"):
            submission.with_user(self.chief).action_issue()
        self.assertEqual(submission.state, "draft")
        self.assertEqual(self.cstd.state, "approved")

    def test_higher_decision_not_before_the_submission(self):
        submission = self.issued()
        submission.with_user(self.office).write(
            {
                "higher_decision_number": "120/QĐ-UBND",
                "higher_decision_date": date(2025, 1, 2),
            }
        )
        with self.assertRaisesRegex(UserError, "before the submission"):
            submission.with_user(self.office).action_record_decision()
        self.assertEqual(submission.state, "issued")
        self.assertEqual(self.cstd.state, "forwarded")

    def test_an_issued_submission_is_not_cancelled(self):
        submission = self.issued()
        self.assertNotIn("cancel", submission.with_user(self.chief).allowed_actions)
        with self.assertRaises(UserError):
            submission.with_user(self.chief).action_cancel()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            submission.with_user(self.chief).unlink()

    # --- rights -------------------------------------------------------------------
    def test_rights_per_role(self):
        Submission = self.env["tdkt.award.submission"]
        for user in (self.staff, self.council):
            with self.assertRaises(AccessError):
                self.submission(self.closed, user=user)
        submission = self.prepared()
        line = submission.line_ids[:1]
        for user in (self.staff, self.council, self.member1):
            # Reading is open to the agency's people.
            self.assertEqual(
                Submission.with_user(user).search([("id", "=", submission.id)]),
                submission,
            )
            self.assertTrue(line.with_user(user).nominee_name)
            for attack in (
                lambda u=user: (
                    submission.with_user(u)
                    .with_context(tdkt_system=True)
                    .write({"name": "Sửa"})
                ),
                lambda u=user: submission.with_user(u).action_take_proposals(),
                lambda u=user: line.with_user(u).write({"higher_conferred": False}),
                lambda u=user: line.with_user(u).unlink(),
                lambda u=user: submission.with_user(u).write({"state": "issued"}),
            ):
                with self.assertRaises(AccessError):
                    attack()
        # The Office cannot issue, by button or by write() with any context.
        with self.assertRaises(AccessError):
            submission.with_user(self.office).with_context(
                tdkt_system=True, active_test=False
            ).write({"state": "issued"})
        with self.assertRaises(UserError):
            submission.with_user(self.chief).write({"state": "decided"})
        self.assertEqual(submission.state, "draft")
        # Nobody writes the higher level's decision on a draft.
        with self.assertRaisesRegex(UserError, "issued submission"):
            submission.with_user(self.chief).write(
                {"higher_decision_number": "1/QĐ-UBND"}
            )
        # Another agency sees nothing.
        outsider = self.env["res.users"].create(
            {
                "name": "Văn phòng khác",
                "login": "t_office_other",
                "company_id": self.other_company.id,
                "company_ids": [(6, 0, self.other_company.ids)],
                "groups_id": [
                    (6, 0, self.env.ref("tdkt_emulation.group_tdkt_office").ids)
                ],
            }
        )
        self.assertFalse(Submission.with_user(outsider).search([]))
        with self.assertRaises(AccessError):
            submission.with_user(outsider).read(["name"])
        submission.with_user(self.office).action_submit()
        submission.with_user(self.chief).action_issue()
        # Only the Office records the higher decision.
        for user in (self.staff, self.council):
            with self.assertRaises(AccessError):
                submission.with_user(user).write(
                    {"higher_decision_number": "120/QĐ-UBND"}
                )
            with self.assertRaises(AccessError):
                submission.with_user(user).action_record_decision()
        self.assertEqual(submission.state, "issued")
